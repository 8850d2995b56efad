// A STAND-IN for WeChat's `wx` object. It is NOT WeChat and not a mini-program
// host: no real mini-program runtime runs on a Linux test machine (and npm
// miniprogram-simulate's connectSocket is a stub that never opens). It
// implements, over Node and npm `ws`, the few `wx` APIs tarogen's js/wasm
// tests call through Taro's real weapp layer, following the behaviour
// WeChat's documentation gives for each (cited beside it). Where the
// documentation is silent (exact errMsg texts, timing), the choice is the
// stand-in's own and is marked "stand-in:".
'use strict'

const http = require('node:http')
const https = require('node:https')
const { WebSocket } = require('ws')

const DOC = 'https://developers.weixin.qq.com/miniprogram/dev/api'

// Every asynchronous wx API calls success or fail, then complete, never
// synchronously inside the call (stand-in: on a later macrotask).
// ${DOC}/ (通用说明: "异步 API … success/fail/complete")
function finish (options, ok, res) {
  setImmediate(() => {
    const cb = ok ? options.success : options.fail
    if (typeof cb === 'function') cb(res)
    if (typeof options.complete === 'function') options.complete(res)
  })
}

// ---- WebSocket -------------------------------------------------------------

const MAX_SOCKETS = 5 // ${DOC}/network/websocket/wx.connectSocket.html: 1.7.0 及以上版本，最多可以同时存在 5 个 WebSocket 连接
const open = new Set()
let latest = null // the task the wx.*Socket* functions act on (wx.sendSocketMessage.html: 推荐使用 SocketTask)
const globalHandlers = { open: [], message: [], close: [], error: [] }

// wx.connectSocket(Object object): creates a WebSocket connection and returns
// its SocketTask at once. ${DOC}/network/websocket/wx.connectSocket.html
function connectSocket (options = {}) {
  const url = options.url
  if (typeof url !== 'string' || !/^wss?:\/\//.test(url)) {
    // stand-in: errMsg text (the doc gives none); url must be a ws(s) address.
    finish(options, false, { errMsg: `connectSocket:fail invalid url "${url}"` })
    return undefined
  }
  if (open.size >= MAX_SOCKETS) {
    finish(options, false, { errMsg: `connectSocket:fail exceed max task count ${MAX_SOCKETS}` })
    return undefined
  }
  const task = new SocketTask(url, options)
  latest = task
  // The call succeeded: success runs before any event of the socket
  // (stand-in: the connection starts after success, as the network round
  // trip always follows it on a device).
  finish(options, true, { errMsg: 'connectSocket:ok' })
  setTimeout(() => task._dial(), 0)
  return task
}

// SocketTask: ${DOC}/network/websocket/SocketTask.html
class SocketTask {
  constructor (url, options) {
    this._url = url
    this._options = options
    this._ws = null
    this._handlers = { open: [], message: [], close: [], error: [] }
    this._closed = false
    open.add(this)
  }

  _dial () {
    const o = this._options
    let headers = {}
    // header: HTTP Header，Header 中不能设置 Referer (wx.connectSocket.html)
    for (const [k, v] of Object.entries(o.header || {})) {
      if (k.toLowerCase() !== 'referer') headers[k] = String(v)
    }
    const ws = new WebSocket(this._url, o.protocols || [], {
      headers,
      perMessageDeflate: !!o.perMessageDeflate, // perMessageDeflate: 是否开启压缩扩展, default false
      handshakeTimeout: o.timeout > 0 ? o.timeout : undefined, // timeout: 超时时间，单位为毫秒
    })
    this._ws = ws
    let responseHeader = {}
    ws.on('upgrade', (res) => { responseHeader = { ...res.headers } })
    // SocketTask.onOpen: res.header 连接成功的 HTTP 响应 Header, res.profile (timing; stand-in: empty)
    ws.on('open', () => {
      if (o.tcpNoDelay && ws._socket) ws._socket.setNoDelay(true) // tcpNoDelay: TCP_NODELAY 设置
      this._emit('open', { header: responseHeader, profile: {} })
    })
    // SocketTask.onMessage: res.data string/ArrayBuffer 服务器返回的消息
    ws.on('message', (data, isBinary) => {
      const payload = isBinary ? toArrayBuffer(data) : data.toString('utf8')
      this._emit('message', { data: payload })
    })
    // SocketTask.onError: res.errMsg 错误信息
    ws.on('error', (err) => this._emit('error', { errMsg: err.message }))
    // SocketTask.onClose: res.code 一个数字值表示关闭连接的状态号, res.reason 连接被关闭的原因.
    // The code is the one the peer sent, 1005 for a close frame without one
    // and 1006 for a connection that ends without a close frame (refused,
    // dropped), as RFC 6455 7.1.5 and 7.4.1 define them (stand-in: WeChat's
    // doc does not say).
    ws.on('close', (code, reason) => {
      if (this._closed) return
      this._closed = true
      open.delete(this)
      this._emit('close', { code, reason: reason.toString('utf8') })
    })
  }

  _emit (event, res) {
    for (const h of this._handlers[event]) h(res)
    if (latest === this) for (const h of globalHandlers[event]) h(res)
  }

  // SocketTask.send(Object object): data string/ArrayBuffer 需要发送的内容.
  // ${DOC}/network/websocket/SocketTask.send.html
  send (options = {}) {
    const ws = this._ws
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      // stand-in: errMsg text; sending needs an open connection.
      finish(options, false, { errMsg: 'sendSocketMessage:fail WebSocket is not connected' })
      return
    }
    const data = options.data
    const binary = data instanceof ArrayBuffer || ArrayBuffer.isView(data)
    ws.send(binary ? Buffer.from(data instanceof ArrayBuffer ? data : data.buffer) : String(data), { binary }, (err) => {
      finish(options, !err, { errMsg: err ? `sendSocketMessage:fail ${err.message}` : 'sendSocketMessage:ok' })
    })
  }

  // SocketTask.close(Object object): code 默认 1000 (表示正常关闭连接), reason 可读字符串.
  // ${DOC}/network/websocket/SocketTask.close.html
  close (options = {}) {
    const ws = this._ws
    const code = options.code === undefined ? 1000 : options.code
    if (code !== 1000 && (code < 3000 || code > 4999)) {
      // stand-in: errMsg text; the WebSocket standard allows only 1000 and 3000-4999 here.
      finish(options, false, { errMsg: `closeSocket:fail invalid code ${code}` })
      return
    }
    if (ws) {
      ws.close(code, options.reason || '')
    } else {
      // Closed before the dial started: report the close like any other.
      this._closed = true
      open.delete(this)
      setImmediate(() => this._emit('close', { code, reason: options.reason || '' }))
    }
    finish(options, true, { errMsg: 'closeSocket:ok' })
  }

  onOpen (cb) { this._handlers.open.push(cb) }
  onMessage (cb) { this._handlers.message.push(cb) }
  onClose (cb) { this._handlers.close.push(cb) }
  onError (cb) { this._handlers.error.push(cb) }
}

function toArrayBuffer (data) {
  const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)
}

// The wx.*Socket* functions act on the latest SocketTask.
// ${DOC}/network/websocket/wx.sendSocketMessage.html, wx.closeSocket.html,
// wx.onSocketOpen.html, wx.onSocketMessage.html, wx.onSocketClose.html, wx.onSocketError.html
function sendSocketMessage (options = {}) {
  if (!latest) return finish(options, false, { errMsg: 'sendSocketMessage:fail WebSocket is not connected' })
  latest.send(options)
}
function closeSocket (options = {}) {
  if (!latest) return finish(options, false, { errMsg: 'closeSocket:fail WebSocket is not connected' })
  latest.close(options)
}

// ---- request ---------------------------------------------------------------

// wx.request(Object object): ${DOC}/network/request/wx.request.html
// method default GET; header default content-type application/json; data is
// sent as the query string for GET and, for a JSON content-type, as JSON in
// the body; dataType default "json" parses the body as JSON; success gets
// {data, statusCode, header, cookies} for ANY HTTP status; fail only when no
// response arrived. Returns a RequestTask (abort).
function request (options = {}) {
  const method = (options.method || 'GET').toUpperCase()
  const header = Object.assign({ 'content-type': 'application/json' }, options.header || {})
  let url
  try {
    url = new URL(options.url)
  } catch (e) {
    finish(options, false, { errMsg: `request:fail invalid url "${options.url}"` })
    return { abort () {}, onHeadersReceived () {}, offHeadersReceived () {} }
  }
  let body = null
  const data = options.data
  if (data !== undefined && data !== null) {
    if (method === 'GET') {
      if (typeof data === 'object') for (const [k, v] of Object.entries(data)) url.searchParams.append(k, String(v))
    } else if (typeof data === 'string' || data instanceof ArrayBuffer) {
      body = Buffer.from(data)
    } else if (/json/i.test(contentType(header))) {
      body = Buffer.from(JSON.stringify(data))
    } else {
      body = Buffer.from(new URLSearchParams(data).toString())
    }
  }
  const lib = url.protocol === 'https:' ? https : http
  const req = lib.request(url, { method, headers: header, timeout: options.timeout || 60000 }, (res) => {
    const chunks = []
    res.on('data', (c) => chunks.push(c))
    res.on('end', () => {
      const raw = Buffer.concat(chunks)
      let payload
      if (options.responseType === 'arraybuffer') {
        payload = raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength)
      } else {
        payload = raw.toString('utf8')
        if ((options.dataType || 'json') === 'json') {
          try { payload = JSON.parse(payload) } catch (_) { /* 返回的数据为 JSON，返回后会对返回的数据进行一次 JSON.parse: kept as text when it is not JSON */ }
        }
      }
      finish(options, true, { data: payload, statusCode: res.statusCode, header: { ...res.headers }, cookies: [], errMsg: 'request:ok' })
    })
  })
  req.on('timeout', () => req.destroy(new Error('timeout')))
  req.on('error', (err) => finish(options, false, { errMsg: `request:fail ${err.message}` }))
  if (body) req.write(body)
  req.end()
  return { abort () { req.destroy(new Error('abort')) }, onHeadersReceived () {}, offHeadersReceived () {} }
}

function contentType (header) {
  for (const [k, v] of Object.entries(header)) if (k.toLowerCase() === 'content-type') return String(v)
  return ''
}

// ---- storage ---------------------------------------------------------------

// Local storage, in memory (stand-in: a device keeps it on disk per user).
// ${DOC}/storage/wx.setStorage.html: data 只支持原生类型、Date、及能够通过JSON.stringify序列化的对象。
// ${DOC}/storage/wx.getStorage.html: success res.data; a missing key fails
// (stand-in: with errMsg "getStorage:fail data not found", as devices report).
// ${DOC}/storage/wx.removeStorage.html
const storage = new Map()
function setStorage (options = {}) {
  setStorageSync(options.key, options.data)
  finish(options, true, { errMsg: 'setStorage:ok' })
}
function getStorage (options = {}) {
  if (!storage.has(options.key)) return finish(options, false, { errMsg: 'getStorage:fail data not found' })
  finish(options, true, { data: JSON.parse(storage.get(options.key)), errMsg: 'getStorage:ok' })
}
function removeStorage (options = {}) {
  storage.delete(options.key)
  finish(options, true, { errMsg: 'removeStorage:ok' })
}
function setStorageSync (key, data) { storage.set(String(key), JSON.stringify(data === undefined ? null : data)) }
function getStorageSync (key) { return storage.has(key) ? JSON.parse(storage.get(key)) : '' } // wx.getStorageSync.html: 不存在时返回空字符串
function removeStorageSync (key) { storage.delete(key) }
function clearStorageSync () { storage.clear() }

// ---- system info -----------------------------------------------------------

// wx.getSystemInfoSync(): ${DOC}/base/system/wx.getSystemInfoSync.html
// stand-in: fixed values of the developer tools' simulator (platform "devtools").
function getSystemInfoSync () {
  return {
    brand: 'devtools', model: 'iPhone 6/7/8', pixelRatio: 2,
    screenWidth: 375, screenHeight: 667, windowWidth: 375, windowHeight: 667,
    statusBarHeight: 20, language: 'zh_CN', version: '8.0.5', system: 'iOS 10.0.1',
    platform: 'devtools', fontSizeSetting: 16, SDKVersion: '3.0.0', benchmarkLevel: 1,
  }
}
function getSystemInfo (options = {}) {
  finish(options, true, Object.assign(getSystemInfoSync(), { errMsg: 'getSystemInfo:ok' }))
}

module.exports = {
  connectSocket, sendSocketMessage, closeSocket,
  onSocketOpen: (cb) => globalHandlers.open.push(cb),
  onSocketMessage: (cb) => globalHandlers.message.push(cb),
  onSocketClose: (cb) => globalHandlers.close.push(cb),
  onSocketError: (cb) => globalHandlers.error.push(cb),
  request,
  setStorage, getStorage, removeStorage, setStorageSync, getStorageSync, removeStorageSync, clearStorageSync,
  getSystemInfoSync, getSystemInfo,
}
