package deps
import (
 _ "github.com/dave/jennifer/jen"
 _ "github.com/PuerkitoBio/goquery"
 _ "github.com/gorilla/websocket"
 _ "go.uber.org/goleak"
 _ "github.com/yuin/goldmark"
 _ "github.com/google/go-cmp/cmp"
 _ "golang.org/x/tools/txtar"
)
