// The run's data (folders, steps, variables) lives in @propelauth-openapi/spec (src/workflow.ts),
// next to the document: the Arazzo workflows the spec package publishes are generated from it too.
export {
  CAPTURED_VARIABLES,
  COMPUTED_VARIABLES,
  FOLDERS,
  type FolderName,
  LIVE_VARIABLES,
  NUMERIC_VARIABLES,
  STEPS,
  type Step,
  stepId,
} from "@propelauth-openapi/spec";
