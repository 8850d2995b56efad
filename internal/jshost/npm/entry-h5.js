// Entry of the Taro H5 bundle (see bundle.mjs). The package's default export
// has no API functions: a Taro app's build rewrites `Taro.x` to the named
// exports. A Go program looks up `globalThis.Taro.<api>`, so the object it
// gets is the default export with every named export merged in, as Taro's own
// build would make `Taro.connectSocket` resolve.
import Taro, * as named from '@tarojs/taro-h5'

const api = Object.assign({}, Taro)
for (const [name, value] of Object.entries(named)) {
  if (name !== 'default') api[name] = value
}
globalThis.Taro = api
