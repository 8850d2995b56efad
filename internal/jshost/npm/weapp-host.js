// Preloaded (node --require) before Go's wasm_exec_node.js: builds Taro the
// way a WeChat mini-program app does (@tarojs/plugin-platform-weapp's
// runtime, then @tarojs/taro, which wraps every `wx` API) over the wx
// stand-in, and sets globalThis.Taro for the Go program. See ../node.go.
'use strict'

// The build-time constants a weapp build of a Taro app defines (its
// DefinePlugin); under Node they are globals and process.env entries.
for (const k of ['ENABLE_INNER_HTML', 'ENABLE_ADJACENT_HTML', 'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT', 'ENABLE_CLONE_NODE', 'ENABLE_CONTAINS', 'ENABLE_MUTATION_OBSERVER']) {
  globalThis[k] = true
}
Object.assign(process.env, { TARO_ENV: 'weapp', TARO_PLATFORM: 'mini', NODE_ENV: 'production' })

// The globals a mini-program host provides and Taro's weapp layer reads.
globalThis.wx = require('./wx-standin.js')
globalThis.getCurrentPages = () => []
globalThis.getApp = () => ({})
globalThis.requirePlugin = () => ({})

require('@tarojs/plugin-platform-weapp/dist/runtime.js')
globalThis.Taro = require('@tarojs/taro')
