import type * as actionsCore from '@actions/core'

/** The part of @actions/core the entries use; tests hand in a typed fake. */
export type ActionsCore = Pick<
  typeof actionsCore,
  'getInput' | 'setOutput' | 'setFailed' | 'setSecret' | 'info' | 'warning' | 'error' | 'notice' | 'debug'
>
