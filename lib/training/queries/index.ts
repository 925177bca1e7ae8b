export { searchTraining, suggestTraining, STALE_SQL, type SearchItemView } from './search'
export { getModuleVersion, diffModuleVersions, type ModuleVersionView } from './module'
export { getDraft, getWorkspace, newAndUpdatedSince, getLearningPaths, listModelOptions, type DraftView, type WorkItem } from './workspace'
export { getCompletionRates, MIN_GROUP_SIZE, type GroupCompletion } from './completion'
