/** Settings every Node-side engine applies on start: extensions never auto-install or auto-load. */
export const ENGINE_SETUP_SQL = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
  'SET enable_http_metadata_cache=false',
].join(';\n');
