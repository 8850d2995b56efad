//go:build js && wasm

package tarort

import "syscall/js"

// Result is what a host call produced.
type Result struct {
	// Return is the call's value: what the Promise it returned resolved to,
	// or, when it returned no Promise (or Call did not wait for it), the
	// value it returned (a SocketTask from wx.connectSocket, the value of
	// getStorageSync).
	Return js.Value
	// Returned is what the call returned, not awaited: the Promise itself
	// when it returned one. An API typed as returning a task that is also a
	// Promise (Taro's RequestTask, DownloadTask) wraps this, not what the
	// Promise resolved to.
	Returned js.Value
	// Success is the argument the host passed to success; undefined when it
	// did not call it (or the call took no callbacks).
	Success js.Value
}

// Payload is the call's result object: success's argument when the host
// called success, else Return. A Promise<SuccessCallbackResult> API reads
// its result from it; a Promise<SocketTask> API reads Return.
func (r Result) Payload() js.Value {
	if Defined(r.Success) {
		return r.Success
	}
	return r.Return
}

// CallFlags say how Call treats the call.
type CallFlags uint8

const (
	// Callbacks: args[0] is the option object (created when missing or not
	// an object); it gets success, fail and complete.
	Callbacks CallFlags = 1 << iota
	// AwaitValue: the caller reads Return, so a returned Promise is awaited
	// even when success has already run (Taro H5's connectSocket calls
	// success at once and resolves its Promise with the task after). Without
	// it, a call with callbacks is done as soon as success or fail has run:
	// SocketTask.send does not wait for the Promise Taro H5 returns beside.
	AwaitValue
)

// callJS makes the call in JavaScript and returns its state object, which
// success, fail, complete and a returned Promise fill in as they run. The
// JavaScript side records; it calls into Go (st.waiter) only when the Go
// side waits, so a host that calls back at once (Taro H5's send) costs no
// wake-up of the Go program at all. Exceptions propagate to Call.
var callJS = js.Global().Get("Function").New("recv", "name", "args", "callbacks", `
	const st = { cb: 0, completed: false, thenable: false, settled: false, rejected: false };
	const notify = () => { if (st.waiter) st.waiter(); };
	if (callbacks) {
		const o = args[0];
		o.success = r => { if (!st.cb) { st.cb = 1; st.arg = r; } notify(); };
		o.fail = r => { if (!st.cb) { st.cb = 2; st.arg = r; } notify(); };
		o.complete = () => { st.completed = true; notify(); };
	}
	const ret = recv[name](...args);
	st.ret = ret;
	if (ret !== null && (typeof ret === "object" || typeof ret === "function") && typeof ret.then === "function") {
		st.thenable = true;
		ret.then(v => { st.settled = true; st.value = v; notify(); },
		         e => { st.settled = true; st.rejected = true; st.value = e; notify(); });
	}
	return st;`)

// Call calls recv[name](args...) the Taro way and waits for the outcome.
//
// With Callbacks, the option object args[0] gets success, fail and
// complete. The outcome is known when the host has called success or fail
// (or complete), or, for a call that returned a Promise (Taro's APIs do),
// when that settles; with AwaitValue, or with no callbacks, the Promise is
// always awaited. The waiting happens on the calling goroutine, never
// inside a JavaScript callback, so Call must not be called from inside a
// js.FuncOf callback (that deadlocks; the generated handlers run on
// goroutines, where calling is fine). The callbacks are plain JavaScript
// functions: there are no js.Funcs to release, and the one the waiting
// side needs is released before Call returns.
//
// The outcome is an error when the host called fail (Taro H5 then resolves
// its Promise with the failure instead of rejecting it), the Promise
// rejected, or the call threw: an *Error from FailFromJS, which keeps the
// host's errMsg.
func Call(api string, recv js.Value, name string, flags CallFlags, args ...js.Value) (Result, error) {
	if err := method(api, recv, name); err != nil {
		return Result{}, err
	}
	callbacks := flags&Callbacks != 0
	if callbacks {
		if len(args) == 0 {
			args = []js.Value{NewObject()}
		} else if args[0].Type() != js.TypeObject {
			args[0] = NewObject()
		}
	}
	argv := make([]any, len(args))
	for i, v := range args {
		argv[i] = v
	}
	st, err := invoke(api, recv, name, js.ValueOf(argv), callbacks)
	if err != nil {
		return Result{}, err
	}
	waitFor(st, func() bool { return settledEnough(st, callbacks, flags&AwaitValue != 0) })
	return outcome(api, st)
}

// settledEnough reports whether st holds the call's outcome.
func settledEnough(st js.Value, callbacks, awaitValue bool) bool {
	thenable, settled := st.Get("thenable").Bool(), st.Get("settled").Bool()
	if thenable && (awaitValue || !callbacks) {
		return settled || st.Get("cb").Int() == 2 // a failure needs no value
	}
	if !callbacks {
		return true
	}
	return st.Get("cb").Int() != 0 || st.Get("completed").Bool() || settled
}

// waitFor blocks until done reports true, woken by st's notifications.
func waitFor(st js.Value, done func() bool) {
	if done() {
		return
	}
	wake := make(chan struct{}, 1)
	waiter := js.FuncOf(func(js.Value, []js.Value) any {
		select {
		case wake <- struct{}{}:
		default:
		}
		return nil
	})
	st.Set("waiter", waiter)
	for !done() {
		<-wake
	}
	// Later notifications (complete after success, a Promise settling
	// after send's success) find no waiter.
	st.Delete("waiter")
	waiter.Release()
}

// outcome reads the result or the failure out of a call's state.
func outcome(api string, st js.Value) (Result, error) {
	res := Result{Return: st.Get("ret"), Returned: st.Get("ret"), Success: js.Undefined()}
	switch st.Get("cb").Int() {
	case 1:
		res.Success = st.Get("arg")
	case 2:
		return res, FailFromJS(api, st.Get("arg"))
	}
	if st.Get("settled").Bool() {
		if st.Get("rejected").Bool() {
			return res, FailFromJS(api, st.Get("value"))
		}
		res.Return = st.Get("value")
	}
	return res, nil
}

// invoke makes the call, turning a JavaScript exception into an *Error.
func invoke(api string, recv js.Value, name string, args js.Value, callbacks bool) (st js.Value, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = FailFromJS(api, je.Value)
		}
	}()
	return callJS.Invoke(recv, name, args, callbacks), nil
}
