// Bundles Taro's H5 runtime (@tarojs/taro-h5, pinned in package-lock.json)
// standalone, without a Taro app, router or React, into one browser script
// that sets globalThis.Taro. The Go harness (../bundle.go) runs it into a
// temporary directory for every test that needs it; `npm run bundle` writes
// dist/taro-h5.js for the README's browser steps. Usage: node bundle.mjs [OUT]
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

const here = path.dirname(fileURLToPath(import.meta.url))
const out = process.argv[2] || path.join(here, 'dist', 'taro-h5.js')

// The build-time constants Taro's own H5 build (webpack DefinePlugin in
// @tarojs/webpack5-runner) injects; without them the page fails with
// "process is not defined".
const env = {
  NODE_ENV: 'production',
  TARO_ENV: 'h5',
  TARO_PLATFORM: 'web',
  TARO_VERSION: '4.2.1',
  FRAMEWORK: 'react',
  SUPPORT_TARO_POLYFILL: 'disabled',
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  ASSET_PATH: '/',
}
const define = {}
for (const [k, v] of Object.entries(env)) define[`process.env.${k}`] = JSON.stringify(v)
// The DOM switches of @tarojs/runtime: all on, as in a default Taro H5 app.
for (const k of ['ENABLE_INNER_HTML', 'ENABLE_ADJACENT_HTML', 'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT', 'ENABLE_CLONE_NODE', 'ENABLE_CONTAINS', 'ENABLE_MUTATION_OBSERVER']) {
  define[k] = 'true'
}

await build({
  entryPoints: [path.join(here, 'entry-h5.js')],
  absWorkingDir: here,
  outfile: out,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  define,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // @stencil/core (under @tarojs/components) imports lazy component chunks
  // by a glob that matches nothing in a bundle of the API alone.
  logOverride: { 'empty-glob': 'silent' },
  // Taro's components ship CSS; a standalone API bundle has no page to style.
  loader: { '.css': 'empty', '.scss': 'empty' },
})
