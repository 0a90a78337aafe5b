/**
 * Socket.IO v5 over Engine.IO v4, as plain protocol classes without I/O, for {@code /socket.io/}.
 *
 * <p>Wiring, per connection, all on one Vert.x context:
 * <ol>
 *   <li>Handshake {@code GET ?EIO=4&transport=polling} (no sid): {@code new EngineIoSession(
 *       EngineIoHandshake.newSessionId(), config, timers, listener)}, store it by sid, then
 *       {@link io.streamhub.ingress.socketio.EngineIoSession#openPolling}. For {@code transport=websocket} without sid,
 *       {@link io.streamhub.ingress.socketio.EngineIoSession#openWebSocket} instead. Bad query parameters are answered
 *       with an {@link io.streamhub.ingress.socketio.EngineIoError}.</li>
 *   <li>{@code GET} with sid: {@link io.streamhub.ingress.socketio.EngineIoSession#onPoll}, and
 *       {@link io.streamhub.ingress.socketio.EngineIoSession#onPollAborted} if the connection closes first.
 *       {@code POST} with sid: answer with {@link io.streamhub.ingress.socketio.EngineIoSession#onPost}'s result.</li>
 *   <li>WebSocket with sid: {@link io.streamhub.ingress.socketio.EngineIoSession#onWebSocketUpgrade}, then route its
 *       frames and close to {@code onWebSocketText}, {@code onWebSocketBinary} and {@code onWebSocketClosed}.</li>
 *   <li>The listener feeds each message to a {@link io.streamhub.ingress.socketio.SocketIoDecoder} (text with
 *       {@code addText}, binary with {@code addBinary}); on a {@link
 *       io.streamhub.ingress.socketio.SocketIoProtocolException} close the session with
 *       {@link io.streamhub.ingress.socketio.EngineIoCloseReason#PARSE_ERROR}. On close, drop the session from the
 *       sid map.</li>
 *   <li>To send: {@code session.sendAll(SocketIoEncoder.encode(packet).engineIoPackets())}.</li>
 * </ol>
 */
package io.streamhub.ingress.socketio;
