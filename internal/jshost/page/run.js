// Starts the Go program in the page and records what it writes. Loaded after
// wasm_exec.js and the host scripts (Taro H5); chromium.go awaits
// window.__tarogenResult and reads window.__tarogenOutput() on a timeout.
'use strict';
(() => {
  // The program's stdout and stderr, in the order written, as `go test`
  // prints them. wasm_exec.js's fs.write calls this.writeSync, so wrapping
  // writeSync sees every byte; the original still echoes to the console.
  const out = [];
  const decoder = new TextDecoder();
  const writeSync = globalThis.fs.writeSync.bind(globalThis.fs);
  globalThis.fs.writeSync = (fd, buf) => {
    out.push(decoder.decode(buf, { stream: true }));
    return writeSync(fd, buf);
  };
  window.__tarogenOutput = () => out.join('');

  window.__tarogenResult = (async () => {
    const config = await (await fetch('/config.json')).json();
    const go = new Go();
    go.argv = ['test.wasm', ...config.args];
    go.env = config.env;
    let code = null;
    const exit = go.exit.bind(go);
    go.exit = (c) => { code = c; exit(c); };
    const { instance } = await WebAssembly.instantiateStreaming(fetch('/program.wasm'), go.importObject);
    await go.run(instance);
    return { code, output: out.join('') };
  })().catch((err) => ({ code: -1, output: out.join(''), error: String((err && err.stack) || err) }));
})();
