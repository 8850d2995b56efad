// Package bench holds tarogen's benchmarks and scale measurements, in a
// module of its own so that the main module, which users import, does not
// depend on coder/websocket. README.md has the figures and the commands.
package bench
