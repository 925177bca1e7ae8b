export * from './changes'
export * from './tasks'
export * from './library'
