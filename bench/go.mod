module github.com/tarogen/tarogen/bench

go 1.26.8

require (
	github.com/coder/websocket v1.8.15
	github.com/gorilla/websocket v1.5.3
	github.com/tarogen/tarogen v0.0.0-00010101000000-000000000000
)

require (
	github.com/PuerkitoBio/goquery v1.13.0 // indirect
	github.com/andybalholm/cascadia v1.3.4 // indirect
	github.com/dave/jennifer v1.7.1 // indirect
	github.com/yuin/goldmark v1.8.7 // indirect
	golang.org/x/net v0.61.0 // indirect
	gopkg.in/yaml.v3 v3.0.1 // indirect
)

replace github.com/tarogen/tarogen => ../
