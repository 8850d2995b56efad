//go:build js && wasm

package tarort

import "syscall/js"

// Result is what a host call produced.
type Result struct {
	// Return is the call's value: what the Promise it returned resolved to,
	// or, when it returned no Promise, the value it returned (a SocketTask
	// from wx.connectSocket, the value of getStorageSync).
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

type callEventKind uint8

const (
	evSuccess callEventKind = iota
	evFail
	evComplete
	evResolve
	evReject
)

type callEvent struct {
	kind callEventKind
	arg  js.Value
}

// Call calls recv[name](args...) the Taro way and waits for the outcome.
//
// With callbacks set, args[0] is the option object (created when missing or
// not an object) and gets success, fail and complete: js.Funcs that only
// record their argument and hand it to the waiting goroutine, released once
// complete has run. If the call returns a Promise (Taro's APIs do), Call
// waits for it to settle; otherwise, with callbacks, for success, fail or
// complete. The waiting happens on the calling goroutine, never inside a
// JS callback, so it must not be called from inside a js.FuncOf callback
// (that deadlocks; the generated handlers run on goroutines, where calling
// is fine).
//
// The outcome is an error when the host called fail (Taro H5 then resolves
// its Promise with the failure instead of rejecting it), the Promise
// rejected, or the call threw: an *Error from FailFromJS, which keeps the
// host's errMsg.
func Call(api string, recv js.Value, name string, callbacks bool, args ...js.Value) (Result, error) {
	if err := method(api, recv, name); err != nil {
		return Result{}, err
	}
	ch := make(chan callEvent, 8)
	send := func(kind callEventKind, a []js.Value) {
		ev := callEvent{kind: kind, arg: js.Undefined()}
		if len(a) > 0 {
			ev.arg = a[0]
		}
		select {
		case ch <- ev:
		default: // a host calling back more often than Taro does; the first calls decide
		}
	}
	var release func()
	if callbacks {
		if len(args) == 0 {
			args = []js.Value{NewObject()}
		} else if args[0].Type() != js.TypeObject {
			args[0] = NewObject()
		}
		release = setCallbacks(args[0], send)
	}
	ret, err := invoke(api, recv, name, args)
	if err != nil {
		if release != nil {
			release()
		}
		return Result{}, err
	}
	res := Result{Return: ret, Returned: ret, Success: js.Undefined()}
	thenable := ret.Type() == js.TypeObject && ret.Get("then").Type() == js.TypeFunction
	if thenable {
		awaitThen(ret, send)
	} else if !callbacks {
		return res, nil
	}
	return res.wait(api, ch, thenable)
}

// wait collects the call's events until its outcome is known: the Promise
// settled, or, without one, a callback ran.
func (res Result) wait(api string, ch chan callEvent, thenable bool) (Result, error) {
	var fail *Error
	for done := false; !done; {
		ev := <-ch
		switch ev.kind {
		case evSuccess:
			res.Success = ev.arg
			done = !thenable
		case evFail:
			if fail == nil {
				fail = FailFromJS(api, ev.arg)
			}
			done = !thenable
		case evComplete:
			done = !thenable
		case evResolve:
			res.Return = ev.arg
			done = true
		case evReject:
			if fail == nil {
				fail = FailFromJS(api, ev.arg)
			}
			done = true
		}
	}
	if fail != nil {
		return res, fail
	}
	return res, nil
}

// setCallbacks sets success, fail and complete on opts. They are released
// by complete (Taro calls it last), or by the returned func when the call
// fails before any of them can run.
func setCallbacks(opts js.Value, send func(callEventKind, []js.Value)) (release func()) {
	var success, fail, complete js.Func
	release = func() {
		success.Release()
		fail.Release()
		complete.Release()
	}
	success = js.FuncOf(func(_ js.Value, a []js.Value) any { send(evSuccess, a); return nil })
	fail = js.FuncOf(func(_ js.Value, a []js.Value) any { send(evFail, a); return nil })
	complete = js.FuncOf(func(_ js.Value, a []js.Value) any {
		send(evComplete, a)
		release()
		return nil
	})
	opts.Set("success", success)
	opts.Set("fail", fail)
	opts.Set("complete", complete)
	return release
}

// awaitThen attaches resolve and reject handlers to a Promise; both are
// released by whichever runs.
func awaitThen(p js.Value, send func(callEventKind, []js.Value)) {
	var resolve, reject js.Func
	resolve = js.FuncOf(func(_ js.Value, a []js.Value) any {
		send(evResolve, a)
		resolve.Release()
		reject.Release()
		return nil
	})
	reject = js.FuncOf(func(_ js.Value, a []js.Value) any {
		send(evReject, a)
		resolve.Release()
		reject.Release()
		return nil
	})
	p.Call("then", resolve, reject)
}

// invoke makes the call, turning a JavaScript exception into an *Error.
func invoke(api string, recv js.Value, name string, args []js.Value) (ret js.Value, err *Error) {
	defer func() {
		if r := recover(); r != nil {
			je, ok := r.(js.Error)
			if !ok {
				panic(r)
			}
			err = FailFromJS(api, je.Value)
		}
	}()
	a := make([]any, len(args))
	for i, v := range args {
		a[i] = v
	}
	return recv.Call(name, a...), nil
}
