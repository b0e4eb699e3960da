// Relais CRM: Tasklist settings. Replaces the webapp's default config.js; the keyboard shortcuts are the defaults.
export default {
  // the "Customer" tab on a task: whom a deal's task is for and the last exchanges with them
  customScripts: ['scripts/customer-tab.js'],
  disableWelcomeMessage: true,
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: 'claims the currently selected task' },
    focusFilter: { key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list' },
    focusList: { key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list' },
    focusForm: { key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form' },
    startProcess: { key: 'ctrl+alt+p', description: 'opens the start process modal dialog' }
  }
};
