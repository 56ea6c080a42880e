/** The wire contract (PROTOCOL.md): websocket messages, close codes, HTTP requests and answers. */
export * from './messages';
export * from './close-codes';
export * from './http';
