# Interactive driver of one python-socketio (Debian's python3-socketio 5.7.2) client connection, for Streamhub's
# integration tests: the same stdin/stdout JSON-lines protocol as sio-driver.mjs (see SioDriver.java).
#
#   /usr/bin/python3 sio_driver.py --url http://127.0.0.1:PORT [--namespace /]
#       [--transports polling|websocket|polling,websocket] [--auth '{"token":"..."}']
#       [--reconnection true|false] [--reconnection-delay-ms N] [--ordered true|false]
#
# Limitations of python-socketio 5.7.2, as this driver reports them:
# - The catch-all handler sio.on('*') exists (it gets (event, *args) and its return value becomes the ack), but it is
#   not told whether the server asked for an ack, so it can neither report "ack_id" nor defer an ack. This driver
#   therefore overrides Client._handle_event (a private method, stable in 5.x) to see the packet's ack id.
# - No connection state recovery: the client never sends pid/offset, so "recovered" is always false and
#   {"op":"drop_transport"} answers with an error line. A server with recovery on appends its offset (a string) to the
#   args of every stored event; this client passes it through as a trailing argument (socket.io-client does too).
# - The disconnect handler gets no reason: "disconnect" lines carry "reason": null.
# - engineio 4.3.4 hands each received message to a new thread, so events and acks can be handled out of wire order
#   and binary attachments can race with their packet. By default (--ordered true) this driver handles messages on
#   the read loop, in order; --ordered false keeps the library's own threading.
# - Reconnection applies only to an established connection that drops; a refused first connection is not retried.
import argparse
import base64
import itertools
import json
import sys
import threading

import engineio
import socketio
from socketio import packet as sio_packet

_out_lock = threading.Lock()


def out(obj):
    line = json.dumps(obj, separators=(',', ':'))
    with _out_lock:
        sys.stdout.write(line + '\n')
        sys.stdout.flush()


def encode(value):
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {'$bin': base64.b64encode(bytes(value)).decode('ascii')}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    return value


def decode(value):
    if isinstance(value, list):
        return [decode(v) for v in value]
    if isinstance(value, dict):
        if len(value) == 1 and '$bin' in value:
            return base64.b64decode(value['$bin'])
        return {k: decode(v) for k, v in value.items()}
    return value


class DriverEngineClient(engineio.Client):
    ordered = True

    def _trigger_event(self, event, *args, **kwargs):
        # engineio 4.3.4 runs each message handler on a new thread: lines then come out of wire order, and a binary
        # packet's attachments can race with its header. Ordered (the default) handles messages on the read loop.
        if self.ordered and event == 'message':
            kwargs['run_async'] = False
        return super()._trigger_event(event, *args, **kwargs)

    def _connect_websocket(self, url, headers, engineio_path):
        upgrading = self.state == 'connected' and self.current_transport == 'polling'
        ok = super()._connect_websocket(url, headers, engineio_path)
        if upgrading and ok and self.current_transport == 'websocket':
            out({'type': 'upgrade', 'transport': 'websocket'})
        return ok


class DriverClient(socketio.Client):
    """socketio.Client that reports every event, with the ack id when the server asked for an ack."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.replies = {}   # event -> args to ack with (reply_to)
        self.pending = {}   # ack_id -> (namespace, packet id, event), for {"op":"ack"}
        self._ack_ids = itertools.count(1)
        self._lock = threading.Lock()

    def _engineio_client_class(self):
        return DriverEngineClient

    def _handle_event(self, namespace, id, data):
        namespace = namespace or '/'
        event, args = data[0], list(data[1:])
        if id is None:
            out({'type': 'event', 'event': event, 'args': encode(args)})
            return
        with self._lock:
            ack_id = next(self._ack_ids)
            reply = self.replies.get(event)
            if reply is None:
                self.pending[ack_id] = (namespace, id, event)
        out({'type': 'event', 'event': event, 'args': encode(args), 'ack_id': ack_id})
        if reply is not None:
            self.send_ack(namespace, id, reply)
            out({'type': 'acked', 'event': event, 'ack_id': ack_id, 'args': reply})

    def send_ack(self, namespace, id, args):
        self._send_packet(self.packet_class(sio_packet.ACK, namespace=namespace, id=id, data=decode(args)))

    def ack_later(self, ack_id, args):
        with self._lock:
            pending = self.pending.pop(ack_id, None)
        if pending is None:
            raise ValueError('no pending ack %s' % ack_id)
        namespace, id, event = pending
        self.send_ack(namespace, id, args)
        out({'type': 'acked', 'event': event, 'ack_id': ack_id, 'args': args})


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--url', required=True)
    parser.add_argument('--namespace', default='/')
    parser.add_argument('--transports')
    parser.add_argument('--auth')
    parser.add_argument('--reconnection', default='true')
    parser.add_argument('--reconnection-delay-ms', type=int, default=1000)
    parser.add_argument('--ordered', default='true')
    opts = parser.parse_args()
    DriverEngineClient.ordered = opts.ordered == 'true'

    delay = opts.reconnection_delay_ms / 1000.0
    sio = DriverClient(reconnection=opts.reconnection == 'true', reconnection_delay=delay,
                       reconnection_delay_max=max(5.0, delay))
    ns = opts.namespace
    transports = opts.transports.split(',') if opts.transports else None
    auth = json.loads(opts.auth) if opts.auth else None

    @sio.on('connect', namespace=ns)
    def on_connect():
        out({'type': 'connect', 'id': sio.get_sid(ns), 'recovered': False, 'transport': sio.transport()})

    @sio.on('connect_error', namespace=ns)
    def on_connect_error(data=None, *rest):
        # A CONNECT_ERROR packet gives {"message", "data"}; an Engine.IO failure gives a message or a response body.
        if isinstance(data, dict) and 'message' in data:
            out({'type': 'connect_error', 'message': data.get('message'), 'data': encode(data.get('data'))})
        else:
            out({'type': 'connect_error', 'message': str(data), 'data': None})

    @sio.on('disconnect', namespace=ns)
    def on_disconnect():
        out({'type': 'disconnect', 'reason': None})

    def connect():
        try:
            sio.connect(opts.url, auth=auth, transports=transports, namespaces=[ns], wait_timeout=5)
        except socketio.exceptions.ConnectionError as e:
            # Already reported by the connect_error handler; the detail goes to stderr for failure messages.
            print('connect failed: %s' % e, file=sys.stderr, flush=True)

    def emit(cmd):
        args = tuple(decode(cmd.get('args') or []))
        ref = cmd.get('ref')
        callback = None
        if cmd.get('ack'):
            def callback(*res):
                out({'type': 'ack', 'ref': ref, 'args': encode(list(res))})
        sio.emit(cmd['event'], data=args, namespace=ns, callback=callback)

    def reply_to(cmd):
        with sio._lock:
            sio.replies[cmd['event']] = cmd.get('args') or []

    def drop_transport(cmd):
        out({'type': 'error', 'message': 'drop_transport is unsupported by python-socketio 5.7.2 '
                                         '(no connection state recovery)'})

    def exit_driver(cmd):
        if sio.connected:
            sio.disconnect()
        sys.stdout.flush()
        raise SystemExit(0)

    commands = {
        'emit': emit,
        'reply_to': reply_to,
        'ack': lambda cmd: sio.ack_later(cmd['ack_id'], cmd.get('args') or []),
        'disconnect': lambda cmd: sio.disconnect(),
        'connect': lambda cmd: threading.Thread(target=connect, daemon=True).start(),
        'drop_transport': drop_transport,
        'exit': exit_driver,
    }

    threading.Thread(target=connect, daemon=True).start()
    try:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                cmd = json.loads(line)
            except ValueError as e:
                out({'type': 'error', 'message': 'bad command line: %s' % e})
                continue
            handler = commands.get(cmd.get('op'))
            if handler is None:
                out({'type': 'error', 'message': 'unknown op %s' % cmd.get('op')})
                continue
            try:
                handler(cmd)
            except SystemExit:
                raise
            except Exception as e:  # reported, the driver goes on
                out({'type': 'error', 'message': '%s failed: %s' % (cmd.get('op'), e)})
    except SystemExit:
        pass
    else:
        # stdin closed: the test process is gone or done with us.
        if sio.connected:
            sio.disconnect()
    # python-socketio's background threads are not all daemons: leave without waiting for them.
    sys.stdout.flush()
    import os
    os._exit(0)


if __name__ == '__main__':
    main()
