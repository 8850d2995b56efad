// The JavaScript side of the browser echo benchmark: the loop a Taro H5 app
// would write by hand, on the same Taro.connectSocket the Go binding calls.
// Each round trip sends the next message from onMessage, as the Go loop
// does. echo_test.go drives it through globalThis.tarogenBench.
'use strict';
globalThis.tarogenBench = {
  // open connects and resolves with a runner once the socket is open.
  async open (url) {
    const task = await Taro.connectSocket({ url });
    let onMessage = () => {};
    task.onMessage(() => onMessage());
    await new Promise((resolve, reject) => {
      task.onOpen(resolve);
      task.onError(reject);
    });
    return {
      // run echoes n text messages of size bytes, one at a time, and
      // resolves when the last reply is in.
      run (size, n) {
        const msg = 'x'.repeat(size);
        return new Promise((resolve) => {
          let left = n;
          onMessage = () => {
            if (--left === 0) { resolve(); return; }
            task.send({ data: msg });
          };
          task.send({ data: msg });
        });
      },
      close () {
        return new Promise((resolve) => {
          task.onClose(resolve);
          task.close({ code: 1000 });
        });
      },
    };
  },
};
