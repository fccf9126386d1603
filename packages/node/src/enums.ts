// The enums @propelauth/node 2.1.36 exports for the user-insights reports and charts.
export enum ReengagementReportInterval {
  WEEKLY = "Weekly",
  MONTHLY = "Monthly",
}
export enum ChurnReportInterval {
  SEVEN_DAYS = "7",
  FOURTEEN_DAYS = "14",
  THIRTY_DAYS = "30",
}
export enum GrowthReportInterval {
  THIRTY_DAYS = "30",
  SIXTY_DAYS = "60",
  NINETY_DAYS = "90",
}
export enum TopInviterReportInterval {
  THIRTY_DAYS = "30",
  SIXTY_DAYS = "60",
  NINETY_DAYS = "90",
}
export enum ChampionReportInterval {
  THIRTY_DAYS = "30",
  SIXTY_DAYS = "60",
  NINETY_DAYS = "90",
}
export enum AttritionReportInterval {
  THIRTY_DAYS = "30",
  SIXTY_DAYS = "60",
  NINETY_DAYS = "90",
}
export enum ChartMetric {
  SIGNUPS = "signups",
  ORGS_CREATED = "orgs_created",
  ACTIVE_USERS = "active_users",
  ACTIVE_ORGS = "active_orgs",
}
export enum ChartMetricCadence {
  DAILY = "Daily",
  WEEKLY = "Weekly",
  MONTHLY = "Monthly",
}
