// Package parser reads Taro API reference pages (Markdown/MDX) into the
// [spec] model: the first stage of tarogen's pipeline
//
//	pages (.md) → parser → spec.Package → gen → Go bindings
//
// [ParsePage] reads one page into a [spec.Page]; [ParseFiles] reads several
// and [Merge]s them into a [spec.Package], resolving type names across
// pages. The parser knows nothing of Go or of the generator; type
// expressions are read by package parser/typeexpr.
//
// Nothing panics and nothing is silently dropped: every problem is a
// [spec.Diagnostic] at file:line:col (columns count bytes). Errors mean the
// page cannot be used as it is (empty or binary input, an unclosed HTML
// table, a short table row, a type or signature that does not parse, no API
// on the page, nesting past the limits); warnings mean something was guessed or ignored (an unknown
// column or platform, an empty type cell, a signature/table disagreement,
// an unresolved name). A page that is not a page at all (empty, not UTF-8,
// NUL bytes, no API) gives a nil *spec.Page; any other page is returned
// with whatever could be read.
//
// # How a page is read
//
// goldmark parses the body (CommonMark plus GFM tables, raw HTML kept) after
// the YAML front matter, whose title and sidebar_label name the page. The
// top-level blocks are flattened and split into sections at ## headings,
// which are recognised by name in Chinese or English:
//
//	## 方法 / Methods      a class: a property table before the first ###
//	                        (ALL-CAPS rows are Class.Constants), then one
//	                        method per ###
//	## 类型 / Type         a function: the ```tsx signature
//	## 参数 / Parameters   declared types (Page.Decls), one per ###; on a
//	                        function page a table before the first ### is
//	                        the function's parameter table
//	## 示例代码 / Sample Code   examples, titled by the ### above them
//	## API 支持度 / API Support the support matrix
//
// Page.Kind says what the page documents:
//
//   - class: a page with ## 方法 (if it also has ## 类型, the title decides:
//     "SocketTask" is a class, "Taro.x(…)" a function);
//   - function: ## 类型 holds a function type (the signature);
//   - namespace: ## 类型 holds a bare name (router) that a ### under
//     ## 参数 documents like a method group: its text, icons and 参考文档
//     are the namespace's, each #### under it is a method with Owner set
//     to the namespace, and the other ### are its types;
//   - value: ## 类型 holds any other type (env: an object type), kept in
//     Value.Type;
//   - types: only ### types under ## 参数, no API of its own.
//
// A page with none of these (and no 1.x marks) is an error: "no Taro API
// found". Any other section is a warning and is skipped.
//
// Nothing that held members is dropped in silence: a section, or a table,
// that the page's structure leaves no place for is a warning naming every
// member it held ("…: ignored, and with it the members send, close").
//
// A method section (and a function's ## 类型) holds: description paragraphs
// (Doc), a `> [参考文档](url)` quote (Refs), the ```tsx signature (read with
// typeexpr.ParseSignature; on error the diagnostic points into the block
// and the method has no signature), a parameter table (Params), the MDX
// 支持情况 icons, and #### API 支持度 (Support) or #### 示例代码 subsections.
//
// A declared type (### Name under ## 参数) holds an optional description,
// an optional ```tsx block — which makes it a DeclCallback with Func; its
// table then documents the callback's parameters and is kept in Fields —
// and a table: a DeclObject's Fields, or, when the table has no type
// column (参数|说明, Value|Description), a DeclEnum's Values. Another type
// expression in the code block makes a DeclAlias.
//
// # Scope of declared types
//
// Newer class pages group types per method under ## 参数 (### send, then
// #### SendOption). A ### with #### headings under it (or an empty ###
// naming a method) is such a group: its #### types get Decl.Scope = the
// method's name, so the same name can appear under two methods. The
// fixture pages, UDPSocket.md included, declare every type directly under
// ## 参数 with distinct names, so their Scope is empty. On 1.x pages the
// per-method tables get the method as Scope.
//
// # Tables
//
// Member tables are Markdown pipe tables (from the goldmark tree) or HTML
// <table> blocks. A pipe table missing its separator row (| --- |), which
// CommonMark reads as a paragraph, is read as a table all the same, with a
// warning at its first line. A table before the first ## is the property
// table on a class page (English pages put it there), and a support table
// there is the page's support. An HTML table runs from <table> to </table> even across
// blank lines (goldmark ends an HTML block at a blank line); it is read
// with x/net/html's tokenizer, which gives every tag's byte offset and so
// exact row, cell and type positions. (goquery, which builds a document
// tree on the same package and keeps no positions, cost over half the
// parse time of an HTML-table page; it reads the MDX icon lines, where
// only attributes matter.) Columns are
// recognised by header name in any order: 参数/属性/Property/Parameter/Name
// (name), 类型/Type, 必填/Required, 默认值/Default, 说明/描述/备注/
// Description, 只读/Readonly. An unrecognised column is a warning naming
// it; a table without a name column uses its first column. A row with
// fewer cells than the header is an error at the row (its present cells
// are still read). An empty type cell is a warning. Required reads
// 是/Yes/true as true and 否/No/false as false; RequiredKnown is set
// exactly when the table has a required column.
//
// A type cell is handed to typeexpr as source bytes: the content of a
// single code span (pipe) or of a <code> element (HTML, entities and all —
// typeexpr decodes them), so that type positions are exact. Pipe pages
// write unions as `string or ArrayBuffer` without backticks; the whole cell
// is then the type.
//
// Where a signature and its parameter table disagree on a type (onMessage:
// signature OnMessageCallback<T>, table T), Params[i] keeps the signature's
// type and the table's Doc and Required, and a warning names both types.
//
// # Text
//
// Doc and description fields are Markdown-flavoured plain text: inline code
// stays `x`, links become [text](url), emphasis markers and inline HTML tags
// are dropped (their text kept), <br> and line breaks become "\n", list
// items "- item", paragraphs are separated by a blank line, and the result
// is trimmed. A quote made only of links is a reference block (Refs);
// other quotes are doc text prefixed with "> ".
//
// # Support
//
// Support matrices (| API | 微信小程序 | … |): ✔️ ✅ √ ✓ are supported;
// an empty cell, ❌ ✖️ × are unsupported — the table lists the platform, so
// an empty cell is Taro's way of writing "no"; any other text is the Note,
// with the state of a mark beside it or unknown without one. Platform
// headers go through spec.LookupPlatform (zero-width characters stripped);
// an unknown platform is kept, with a warning. MDX 支持情况 icons: a plain
// icon is supported, icon_platform--not-support unsupported, an absent
// platform unknown (not listed).
//
// One API's support may be stated twice, by 支持情况 icons and by a table
// row; the two are merged, never one dropped. A table row's explicit cells
// win (an empty cell is unsupported, not unknown); platforms only the
// icons mention keep the icon's state; a platform neither mentions is
// unknown. Rows of the page-level ## API 支持度 table attach to the page's
// own API (Taro.connectSocket, SocketTask, router) and to each method
// (SocketTask.send, router.addRouteBuilder), under a method's own
// #### API 支持度 row where it has one. Where two statements disagree on a
// platform, a warning names both; a row naming no API on the page is a
// warning. A support table found under a ### type is attached the same
// way (it is never read as an enum).
//
// # Names and hidden characters
//
// Names (the page's API from the front matter, headings, member and enum
// cells, support rows, type names in type expressions) are normalised
// before anything matches on them: zero-width characters (U+200B…U+200D,
// U+2060, U+FEFF, soft hyphen) are stripped and the result is put in NFC.
// A UTF-8 BOM at the start of the page is dropped (the front matter after
// it is read). Characters that hide or reorder text — C0 controls other
// than tab and line feed, a CR not followed by LF, DEL, C1 controls,
// U+2028/U+2029, and the bidi controls U+061C, U+200E/F, U+202A…U+202E,
// U+2066…U+2069 — are stripped from the whole page before it is read,
// with one warning per run naming each character ("page text holds U+202E
// RIGHT-TO-LEFT OVERRIDE: stripped"); positions still point into the file
// as it is.
//
// # Limits
//
// Lists and quotes nest at most 16 levels (maxNesting): a line that opens
// more, or a block nested deeper, is an error at the first level past the
// limit ("lists and quotes nested deeper than 16 levels: the deeper levels
// are left out"), reported once per page, and the deeper levels are read
// as plain text or left out. Type expressions nest at most 100 levels
// (typeexpr's limit): deeper is the error "bad type: type nested too
// deeply" at the token that opens level 101.
//
// # Formats
//
// Page.Format records the dialect, detected from what the page contains:
//
//   - html-css (2.x): HTML member tables with style="text-align:center",
//     pipe support tables.
//   - html-jsx: HTML tables with JSX attributes (style={{ textAlign:
//     "center"}}), &quot; in cells, default-value columns.
//   - pipe (3.x): pipe tables; `A or B` unions without backticks.
//   - mdx (current): pipe tables and 支持情况 <img> icons; TaroGeneral.X
//     types; function pages often without a support table.
//   - english: English headings (## Methods, ## Parameters, ## API
//     Support), Property|Type|Required|Description headers, Yes/No,
//     English platform names; otherwise like html-jsx.
//   - legacy (1.x, hand-written, read best effort): no signatures.
//     `Class.method(OBJECT)` paragraphs are methods; a table under a bold
//     caption becomes a declared type named as 2.x would
//     (**OBJECT 参数说明：** → <Method>Option, or Option on a function page;
//     **CALLBACK 返回参数** → <Method>CallbackResult) and the method gets an
//     option / callback parameter of that type; `obj.prop: text` lines after
//     属性 are properties (or constants) without a type; types are 1.x names
//     read with typeexpr.ParseLegacy. A page-level warning says the page
//     was read best effort, and every parameter or property left without a
//     type is named in a warning.
//
// # Name resolution (Merge)
//
// See [Merge] for the order in which names resolve. Page-local names
// (Option, Callback, Result, SuccessCallbackResult…) resolve only within
// their page: one a page lacks stays unresolved, with a warning naming
// the page that declares it, rather than silently binding that page's
// type. Merge fills
// NamedType.Ref in place and infers Decl.TypeParams for declarations that
// use a type parameter without declaring it.
package parser
