export { createModule, saveDraft } from './editing'
export { submitForReview, approveModule, requestChanges, publishModule, retireModule } from './workflow'
export { flagModule, resolveFlag, rateModule, setCompletion } from './feedback'
export { updateLearningPath } from './paths'
