// The operations tagged "Employees" in the document.
import { notFound } from "../errors.js";
import { type Handler, ok } from "./types.js";

export const employeesHandlers: Record<string, Handler> = {
  fetchEmployee: ({ project, path }) => {
    const email = project.store.oauth.employeeEmail(path.employee_id!);
    if (email === undefined) throw notFound("employee");
    return ok({ email });
  },
};
