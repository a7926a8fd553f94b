// Ink's devtools, left out of the build (rolldown.config.js).
export default {};
