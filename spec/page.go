package spec

// Format is the doc generator's dialect a page was written in.
type Format string

const (
	FormatHTMLCSS Format = "html-css" // 2.x: HTML member tables, style="text-align:center"
	FormatHTMLJSX Format = "html-jsx" // HTML tables with JSX attributes, default-value columns
	FormatPipe    Format = "pipe"     // 3.x: Markdown pipe tables, `A or B` unions
	FormatMDX     Format = "mdx"      // current: pipe tables and 支持情况 <img> icons
	FormatEnglish Format = "english"  // i18n pages: English headings and headers
	FormatLegacy  Format = "legacy"   // 1.x hand-written pages, read best effort
)

// PageKind says what a page documents, and so which of Page's Class,
// Function, Namespace and Value is set. Every page the parser returns has
// one; a page whose `## 类型` is not a function type is a namespace or a
// value page, not an error.
type PageKind string

const (
	PageFunction  PageKind = "function"  // a global function: Page.Function (connectSocket)
	PageClass     PageKind = "class"     // a class: Page.Class (SocketTask)
	PageNamespace PageKind = "namespace" // a global object whose members are functions: Page.Namespace (router)
	PageValue     PageKind = "value"     // a global value of a declared type: Page.Value (env)
	PageTypes     PageKind = "types"     // declared types only, no API of its own: Page.Decls
)

// Page is one Taro API reference page as read.
type Page struct {
	Pos    Pos    `json:"pos"`    // the first line of the page
	File   string `json:"file"`   // as given to the parser, e.g. "pipe/SocketTask.md"
	Format Format `json:"format"` // e.g. "pipe"
	// Kind is what the page documents, e.g. "class"; it says which of
	// Class, Function, Namespace and Value is set (none for "types").
	Kind PageKind `json:"kind"`
	// Name is the API the page documents, from sidebar_label or the title:
	// "SocketTask", "connectSocket".
	Name  string `json:"name"`
	Title string `json:"title,omitempty"` // front matter title, e.g. "Taro.connectSocket(option)"
	Doc   string `json:"doc,omitempty"`   // the description paragraphs before the first heading, as Markdown text
	Refs  []Link `json:"refs,omitempty"`  // 参考文档 links at page level
	// Exactly one of Class, Function, Namespace and Value is set, as Kind
	// says; none on a "types" page.
	Class     *Class     `json:"class,omitempty"`
	Function  *Function  `json:"function,omitempty"`
	Namespace *Namespace `json:"namespace,omitempty"`
	Value     *Value     `json:"value,omitempty"`
	// Decls are the named types the page declares (## 参数 / ### Option…),
	// in page order. A name may repeat when the page groups types under
	// different methods; Scope tells them apart.
	Decls []*Decl `json:"decls,omitempty"`
	// Support is the page-level support: the ## API 支持度 table or the
	// 支持情况 icons. Per-API rows are also attached to each method/function.
	Support  *Support  `json:"support,omitempty"`
	Examples []Example `json:"examples,omitempty"`
}

// Link is a Markdown link, e.g. a 参考文档 reference.
type Link struct {
	Pos  Pos    `json:"pos"`
	Text string `json:"text"` // e.g. "参考文档"
	URL  string `json:"url"`  // e.g. "https://developers.weixin.qq.com/…/SocketTask.html"
}

// Example is a code block under 示例代码.
type Example struct {
	Pos   Pos    `json:"pos"`
	Title string `json:"title,omitempty"` // e.g. "示例 1"
	Lang  string `json:"lang,omitempty"`  // e.g. "tsx"
	Code  string `json:"code"`
}

// Class is an API object documented with members: SocketTask, UDPSocket.
type Class struct {
	Pos  Pos    `json:"pos"`
	Name string `json:"name"` // e.g. "SocketTask"
	Doc  string `json:"doc,omitempty"`
	Refs []Link `json:"refs,omitempty"`
	// Properties are the instance properties (socketTaskId, readyState…).
	Properties []*Field `json:"properties,omitempty"`
	// Constants are the ALL-CAPS members (CONNECTING…CLOSED). Their value is
	// set where the page gives one; the overlay supplies the rest.
	Constants []*Constant `json:"constants,omitempty"`
	Methods   []*Function `json:"methods,omitempty"`
}

// Namespace is a global object whose members are functions, documented
// like a class but never constructed: router (`## 类型` is the bare name
// `router`; its methods router.addRouteBuilder… sit under `### router` in
// `## 参数` as `####` headings). Its methods have Owner = Name; its types
// are the page's Decls.
type Namespace struct {
	Pos     Pos         `json:"pos"`
	Name    string      `json:"name"` // e.g. "router"
	Doc     string      `json:"doc,omitempty"`
	Refs    []Link      `json:"refs,omitempty"`
	Support *Support    `json:"support,omitempty"`
	Methods []*Function `json:"methods,omitempty"` // e.g. addRouteBuilder, Owner "router"
}

// Value is a global value whose `## 类型` is a type, not a function
// signature: env, typed `{ [key: string]: string; FRAMEWORK: "react" | …;
// USER_DATA_PATH?: string; }`.
type Value struct {
	Pos     Pos      `json:"pos"`
	Name    string   `json:"name"` // e.g. "env"
	Doc     string   `json:"doc,omitempty"`
	Refs    []Link   `json:"refs,omitempty"`
	Type    Type     `json:"type"` // e.g. an ObjectType, or a NamedType
	Support *Support `json:"support,omitempty"`
}

// Constant is a named constant member of a class.
type Constant struct {
	Pos   Pos    `json:"pos"`
	Name  string `json:"name"` // e.g. "OPEN"
	Type  Type   `json:"type"` // e.g. number
	Value string `json:"value,omitempty"`
	Doc   string `json:"doc,omitempty"`
}

// Function is a global API function (connectSocket) or a class method
// (SocketTask.send).
type Function struct {
	Pos Pos `json:"pos"`
	// Name is the bare name, e.g. "send"; Owner is the class for a method.
	Name  string `json:"name"`
	Owner string `json:"owner,omitempty"` // e.g. "SocketTask"
	Doc   string `json:"doc,omitempty"`
	Refs  []Link `json:"refs,omitempty"`
	// Signature is the ```tsx block; nil where the page has none (legacy).
	Signature *FuncType `json:"signature,omitempty"`
	// Params are the parameter table rows (参数). Where the table and the
	// signature disagree on a type, the signature's type is kept here and
	// a warning is reported.
	Params     []*Field  `json:"params,omitempty"`
	Support    *Support  `json:"support,omitempty"`
	MinVersion string    `json:"minVersion,omitempty"` // e.g. "2.10.0"
	Examples   []Example `json:"examples,omitempty"`
}

// QualifiedName is Owner.Name for a method, Name for a function: the name
// the support tables use ("SocketTask.send").
func (f *Function) QualifiedName() string {
	if f.Owner != "" {
		return f.Owner + "." + f.Name
	}
	return f.Name
}

// DeclKind tells what a named type declares.
type DeclKind string

const (
	DeclObject   DeclKind = "object"   // a table of fields (Option, CallbackResult)
	DeclCallback DeclKind = "callback" // a function type, from a ```tsx block (OnOpenCallback)
	DeclEnum     DeclKind = "enum"     // a table of values (参数|说明 with no type column)
	DeclAlias    DeclKind = "alias"    // any other type expression
)

// Decl is a named type declared on a page.
type Decl struct {
	Pos  Pos      `json:"pos"`
	Name string   `json:"name"` // e.g. "CloseOption"
	Kind DeclKind `json:"kind"`
	// Scope is the method whose section the type sits under when the page
	// groups types per method (e.g. "onMessage"), else empty.
	Scope      string           `json:"scope,omitempty"`
	Doc        string           `json:"doc,omitempty"`
	Fields     []*Field         `json:"fields,omitempty"`     // for DeclObject, page order
	Func       *FuncType        `json:"func,omitempty"`       // for DeclCallback
	Values     []*EnumValue     `json:"values,omitempty"`     // for DeclEnum
	Alias      Type             `json:"alias,omitempty"`      // for DeclAlias
	TypeParams []*TypeParamType `json:"typeParams,omitempty"` // inferred: names used but not declared (T)
}

// Field is a row of a member table: an object field, a parameter or a
// property.
type Field struct {
	Pos      Pos    `json:"pos"`
	Name     string `json:"name"` // e.g. "url"
	Type     Type   `json:"type,omitempty"`
	Required bool   `json:"required,omitempty"` // 必填 是 / Required Yes
	// RequiredKnown is false where the table has no required column.
	RequiredKnown bool   `json:"requiredKnown,omitempty"`
	Default       string `json:"default,omitempty"` // 默认值 cell as written, e.g. "1000"
	ReadOnly      bool   `json:"readOnly,omitempty"`
	Doc           string `json:"doc,omitempty"`
}

// EnumValue is a row of a value table.
type EnumValue struct {
	Pos   Pos    `json:"pos"`
	Value string `json:"value"` // e.g. "udp4"
	Doc   string `json:"doc,omitempty"`
}
