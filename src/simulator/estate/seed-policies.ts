/**
 * IaaS VM backup policies in the ARM shape of BackupPolicies_List.json / ProtectionPolicies_Get.json
 * (SimpleSchedulePolicy + LongTermRetentionPolicy). `instantRpRetentionRangeInDays` and `weeklySchedule` are not in
 * those examples; their names come from the SDK 12.0.0 types (AzureIaaSVMProtectionPolicy, LongTermRetentionPolicy).
 */
import type { SimPolicy } from './model';

const RUN_TIME = '2023-06-01T19:00:00Z';
const GOLD_RUN_TIME = '2023-06-01T18:00:00Z';

export function defaultPolicy(): SimPolicy {
  return {
    name: 'DefaultPolicy',
    properties: {
      backupManagementType: 'AzureIaasVM',
      instantRpRetentionRangeInDays: 2,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Daily',
        scheduleRunTimes: [RUN_TIME],
        scheduleWeeklyFrequency: 0,
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [RUN_TIME], retentionDuration: { count: 30, durationType: 'Days' } },
      },
      timeZone: 'UTC',
    },
  };
}

export function goldPolicy(): SimPolicy {
  return {
    name: 'GoldPolicy',
    properties: {
      backupManagementType: 'AzureIaasVM',
      instantRpRetentionRangeInDays: 5,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicy',
        scheduleRunFrequency: 'Daily',
        scheduleRunTimes: [GOLD_RUN_TIME],
        scheduleWeeklyFrequency: 0,
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [GOLD_RUN_TIME], retentionDuration: { count: 90, durationType: 'Days' } },
        weeklySchedule: {
          daysOfTheWeek: ['Sunday'],
          retentionTimes: [GOLD_RUN_TIME],
          retentionDuration: { count: 12, durationType: 'Weeks' },
        },
      },
      timeZone: 'Tokyo Standard Time',
    },
  };
}

/**
 * An Enhanced (V2) policy that backs up every 4 hours from 08:00 for 12 hours: `SimpleSchedulePolicyV2` with an
 * `hourlySchedule` and no `scheduleRunTimes` (Azure Backup's REST article "Create Azure Recovery Services backup
 * policies using REST API", multiple backups a day; field names as the SDK 12.0.0 types name them).
 */
export function enhancedHourlyPolicy(): SimPolicy {
  const start = '2023-06-01T08:00:00Z';
  return {
    name: 'EnhancedHourly',
    properties: {
      backupManagementType: 'AzureIaasVM',
      policyType: 'V2',
      instantRPDetails: {},
      instantRpRetentionRangeInDays: 7,
      schedulePolicy: {
        schedulePolicyType: 'SimpleSchedulePolicyV2',
        scheduleRunFrequency: 'Hourly',
        hourlySchedule: { interval: 4, scheduleWindowStartTime: start, scheduleWindowDuration: 12 },
      },
      retentionPolicy: {
        retentionPolicyType: 'LongTermRetentionPolicy',
        dailySchedule: { retentionTimes: [start], retentionDuration: { count: 30, durationType: 'Days' } },
      },
      timeZone: 'UTC',
    },
  };
}
