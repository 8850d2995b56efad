//go:build !js

package tarort

// The registration of handlers: the task's own (SocketTask.onOpen…) and the
// global listeners (onSocketOpen…). Each typed handler is wrapped once, at
// registration, into a handler of event, so that delivery (dispatch.go)
// treats every kind alike.

// OnOpen sets the open handler, replacing any earlier one (Taro H5 assigns
// ws.onopen, so the last registration wins). A nil handler discards the
// event. An open that came before the handler is delivered to it.
func (s *Socket) OnOpen(h func(OpenEvent)) { s.register(kindOpen, openHandler(h)) }

// OnMessage sets the message handler, replacing any earlier one. Messages
// that came before the first handler are delivered to it, in order.
func (s *Socket) OnMessage(h func(MessageEvent)) { s.register(kindMessage, messageHandler(h)) }

// OnError sets the error handler, replacing any earlier one.
func (s *Socket) OnError(h func(ErrorEvent)) { s.register(kindError, errorHandler(h)) }

// OnClose sets the close handler, replacing any earlier one. A close that
// came before the handler is delivered to it, once.
func (s *Socket) OnClose(h func(CloseEvent)) { s.register(kindClose, closeHandler(h)) }

func openHandler(h func(OpenEvent)) handler {
	if h == nil {
		return nil
	}
	return func(ev event) { h(ev.open) }
}

func messageHandler(h func(MessageEvent)) handler {
	if h == nil {
		return nil
	}
	return func(ev event) { h(ev.msg) }
}

func errorHandler(h func(ErrorEvent)) handler {
	if h == nil {
		return nil
	}
	return func(ev event) { h(ev.err) }
}

func closeHandler(h func(CloseEvent)) handler {
	if h == nil {
		return nil
	}
	return func(ev event) { h(ev.close) }
}
