/*
 * Ribbon commands (ExecuteFunction). Each handler must call event.completed() whatever happens,
 * or Excel keeps the button busy.
 */

async function comingSoon(event: Office.AddinCommands.Event): Promise<void> {
  event.completed();
}

Office.onReady(() => {
  Office.actions.associate('validate', comingSoon);
  Office.actions.associate('buildCascade', comingSoon);
  Office.actions.associate('clearWarnings', comingSoon);
});
