//! The coverage table, `docs/COVERAGE.md`, made from the code: each endpoint of
//! `docs/endpoints.txt` → the core method whose request names its route → the name each binding
//! forwards that method under → the sandbox handler that serves it → a test that calls it.
//!
//! The test regenerates the table and fails when the committed one differs, or when an endpoint
//! has neither a core method nor a reason for leaving it out. To refresh the table:
//! `INSURUP_UPDATE_COVERAGE=1 cargo test -p insurup-e2e --test breadth coverage`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `.rs` file under `dir`, sorted, with its path relative to the repository.
fn sources(dir: &str) -> Vec<(String, String)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let root = repo();
    let mut files = Vec::new();
    walk(&root.join(dir), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let relative = path
                .strip_prefix(&root)
                .expect("inside the repository")
                .to_string_lossy()
                .replace('\\', "/");
            (relative, read(&path))
        })
        .collect()
}

/// `/api/cases/{ref}/branch` and `/api/cases/{id}/branch` are the same route.
fn normalized(path: &str) -> String {
    let mut out = String::new();
    let mut in_braces = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_braces = true;
                out.push_str("{}");
            }
            '}' => in_braces = false,
            _ if in_braces => {}
            _ => out.push(c),
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The identifier that starts at `text[at..]`.
fn ident_at(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// The identifier that ends just before `text[..end]`.
fn ident_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head.rfind(|c: char| !is_ident(c)).map_or(0, |i| i + 1);
    &head[start..]
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Splits `text` at each line whose trimmed start is one of `starts`, keeping the marker line
/// with the piece that follows it; returns `(marker line, piece)` pairs.
fn pieces<'a>(text: &'a str, starts: &[&str]) -> Vec<(&'a str, &'a str)> {
    let mut cuts = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if starts.iter().any(|s| trimmed.starts_with(s)) {
            cuts.push(offset);
        }
        offset += line.len();
    }
    cuts.push(text.len());
    cuts.windows(2)
        .map(|w| {
            let piece = &text[w[0]..w[1]];
            (piece.lines().next().unwrap_or(""), piece)
        })
        .collect()
}

/// A core method: `Type::name`, whether it is public, and what it sends.
struct CoreMethod {
    owner: String,
    name: String,
    public: bool,
    /// `(METHOD or "*", normalized route)`.
    routes: Vec<(String, String)>,
    body: String,
}

impl CoreMethod {
    fn label(&self) -> String {
        format!("{}::{}", self.owner, self.name)
    }
}

const VERBS: [&str; 4] = ["get", "post", "put", "delete"];

/// The verb of the `Request::verb(` call that takes `at`'s literal, else every verb the method
/// uses, else any.
fn verbs_for(body: &str, at: usize) -> Vec<String> {
    let before = &body[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let near = before[..line_start].rfind('\n').map_or(0, |i| i + 1);
    for verb in VERBS {
        let call = format!("Request::{verb}(");
        if let Some(i) = before.rfind(&call)
            && i >= near
            && !before[i..].contains(';')
        {
            return vec![verb.to_uppercase()];
        }
    }
    let used: Vec<String> = VERBS
        .iter()
        .filter(|v| body.contains(&format!("Request::{v}(")))
        .map(|v| v.to_uppercase())
        .collect();
    if used.is_empty() {
        vec!["*".to_owned()]
    } else {
        used
    }
}

fn core_methods() -> Vec<CoreMethod> {
    let mut methods = Vec::new();
    let files = sources("core/src/resources")
        .into_iter()
        .chain(sources("core/src/auth"));
    for (file, text) in files {
        // The client signs in and renews by itself; name those by their module.
        let module = file
            .strip_prefix("core/src/")
            .filter(|f| f.starts_with("auth/"))
            .map(|f| f.trim_end_matches(".rs").replace('/', "::"));
        let mut owner = String::from("auth");
        for (head, piece) in pieces(
            &text,
            &["impl ", "pub async fn ", "pub fn ", "async fn ", "fn "],
        ) {
            let head = head.trim_start();
            if let Some(rest) = head.strip_prefix("impl ") {
                if !rest.contains(" for ") {
                    owner = module
                        .clone()
                        .unwrap_or_else(|| ident_at(rest, 0).to_owned());
                }
                continue;
            }
            let public = head.starts_with("pub ");
            let Some(at) = head.find("fn ") else {
                continue;
            };
            let name = ident_at(head, at + 3).to_owned();
            let mut routes = Vec::new();
            let mut search = 0;
            while let Some(found) = piece[search..].find("\"/") {
                let start = search + found + 1;
                let end = piece[start..].find('"').map_or(piece.len(), |e| start + e);
                let route = &piece[start..end];
                if ["/api/", "/connect/", "/graphql/"]
                    .iter()
                    .any(|prefix| route.starts_with(prefix))
                {
                    for verb in verbs_for(piece, start) {
                        routes.push((verb, normalized(route)));
                    }
                }
                search = end + 1;
            }
            methods.push(CoreMethod {
                owner: owner.clone(),
                name,
                public,
                routes,
                body: piece.to_owned(),
            });
        }
    }
    // A method that sends nothing itself but calls one of its type's methods that does
    // (`create_individual` → `create`) sends what that one sends.
    for _ in 0..2 {
        let inherited: Vec<(usize, Vec<(String, String)>)> = methods
            .iter()
            .enumerate()
            .filter(|(_, m)| m.routes.is_empty())
            .filter_map(|(i, m)| {
                let routes: Vec<(String, String)> = methods
                    .iter()
                    .filter(|o| o.owner == m.owner && !o.routes.is_empty())
                    .filter(|o| m.body.contains(&format!("self.{}(", o.name)))
                    .flat_map(|o| o.routes.clone())
                    .collect();
                (!routes.is_empty()).then_some((i, routes))
            })
            .collect();
        for (i, routes) in inherited {
            methods[i].routes = routes;
        }
    }
    methods.retain(|m| !m.routes.is_empty());
    // The GraphQL lists are methods named after their field.
    for (head, _) in pieces(
        &read(&repo().join("core/src/resources/graphql.rs")),
        &["pub async fn "],
    ) {
        let name = ident_at(head.trim_start(), "pub async fn ".len()).to_owned();
        methods.push(CoreMethod {
            owner: "Graphql".to_owned(),
            name: name.clone(),
            public: true,
            routes: vec![("GRAPHQL".to_owned(), name)],
            body: String::new(),
        });
    }
    methods
}

/// `accessor → Type` from `Client`'s resource accessors (`pub fn customers(&self) -> Customers`).
fn accessors() -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for line in read(&repo().join("core/src/client.rs")).lines() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("pub fn ")
            && let Some((name, ret)) = rest.split_once("(&self) -> ")
        {
            let ty = ident_at(ret, 0);
            if ty.chars().next().is_some_and(char::is_uppercase) {
                out.insert(name.to_owned(), ty.to_owned());
            }
        }
    }
    out
}

/// `(core Type, core method) → binding name`, read from one binding's forwarding code.
type Names = BTreeMap<(String, String), String>;

/// `Name(accessor) {` on a line of its own: a resource the core's `resource_surface!` declares
/// (or a binding declares in the same form); the class is named after the core type.
fn surface_declaration(line: &str) -> Option<&str> {
    let (name, rest) = line.trim().split_once('(')?;
    let accessor = rest.strip_suffix(") {")?;
    let upper = name.chars().next().is_some_and(char::is_uppercase);
    let lower = accessor.chars().next().is_some_and(char::is_lowercase);
    (upper && lower && name.chars().all(is_ident) && accessor.chars().all(is_ident)).then_some(name)
}

/// The text after `head {` at the start of `text` (spaces aside) up to its closing brace, and
/// the rest after that brace.
fn braced<'a>(text: &'a str, head: &str) -> Option<(&'a str, &'a str)> {
    let body = text
        .trim_start()
        .strip_prefix(head)?
        .trim_start()
        .strip_prefix('{')?;
    let mut depth = 1;
    for (at, c) in body.char_indices() {
        depth += match c {
            '{' => 1,
            '}' => -1,
            _ => 0,
        };
        if depth == 0 {
            return Some((&body[..at], &body[at + 1..]));
        }
    }
    None
}

/// The resources `core/src/ffi/surface.rs` declares, as `(core type, shared methods, records
/// methods, per-kind methods)`.
fn surface_blocks() -> Vec<(String, String, String, String)> {
    let text = read(&repo().join("core/src/ffi/surface.rs"));
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if let Some(name) = surface_declaration(line) {
            let declaration = &text[offset + line.len() - "{\n".len()..];
            if let Some((shared, rest)) = braced(declaration, "")
                && let Some((records, rest)) = braced(rest, "records")
            {
                let kinds = braced(rest, "kinds").map_or("", |(kinds, _)| kinds);
                out.push((name.to_owned(), shared.into(), records.into(), kinds.into()));
            }
        }
        offset += line.len();
    }
    out
}

/// Names of the methods the core declares for the bindings, `(core type, core method) →
/// snake_case name` (each binding spells it as it spells any): shared by every binding,
/// taking a record (every binding; Python spreads it), and per kind (Python and Node).
fn surface_names() -> (Names, Names, Names) {
    let (mut shared, mut records, mut kinds) = (Names::new(), Names::new(), Names::new());
    for (ty, shared_block, records_block, kinds_block) in surface_blocks() {
        block_names(
            &format!("{shared_block}}}"),
            &ty,
            &mut shared,
            str::to_owned,
        );
        block_names(
            &format!("{records_block}}}"),
            &ty,
            &mut records,
            str::to_owned,
        );
        block_names(&format!("{kinds_block}}}"), &ty, &mut kinds, str::to_owned);
    }
    (shared, records, kinds)
}

/// Python: `fn name(…) = |client| client.customers().create(…)` in `resource!` blocks, and any
/// other method body that calls `client.<accessor>().<method>(`.
fn python_names(accessors: &BTreeMap<String, String>) -> Names {
    let mut names = Names::new();
    for (_, text) in sources("bindings-python/src") {
        for (head, piece) in pieces(&text, &["fn ", "pub fn ", "async fn ", "pub async fn "]) {
            let head = head.trim_start();
            let Some(at) = head.find("fn ") else {
                continue;
            };
            let name = ident_at(head, at + 3).to_owned();
            let compact: String = piece.split_whitespace().collect();
            for (accessor, method) in accessor_calls(&compact) {
                if let Some(ty) = accessors.get(&accessor) {
                    names
                        .entry((ty.clone(), method))
                        .or_insert_with(|| name.clone());
                }
            }
        }
    }
    // The core's declarations, after the binding's own methods (which name a core method first).
    let (shared, records, kinds) = surface_names();
    for (key, name) in shared.into_iter().chain(records).chain(kinds) {
        names.entry(key).or_insert(name);
    }
    names
}

/// Every `.<accessor>().<method>(` in `text`.
fn accessor_calls(text: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut search = 0;
    while let Some(found) = text[search..].find("().") {
        let at = search + found;
        let accessor = ident_before(text, at);
        let method = ident_at(text, at + 3);
        let after = at + 3 + method.len();
        if !accessor.is_empty() && !method.is_empty() && text[after..].starts_with('(') {
            out.push((accessor.to_owned(), method.to_owned()));
        }
        search = at + 3;
    }
    out
}

/// Node: `Name(insurup::Type) { … name(args) -> T = method(args); … }` in `resource!` blocks.
fn node_names() -> Names {
    let sources = sources("bindings-node/src");
    // `Name(insurup::Type) { … }` declares a resource (so does a hand-written
    // `struct Name(pub(crate) insurup::Type)`); `impl Name { … }` in any file adds to it.
    let mut declared = BTreeMap::new();
    for (_, text) in &sources {
        for opening in ["(insurup::", "(pub(crate) insurup::"] {
            for (at, _) in text.match_indices(opening) {
                let name = ident_before(text, at);
                if !name.is_empty() {
                    declared.insert(
                        name.to_owned(),
                        ident_at(text, at + opening.len()).to_owned(),
                    );
                }
            }
        }
    }
    for (ty, ..) in surface_blocks() {
        declared.insert(ty.clone(), ty);
    }
    for (_, text) in &sources {
        for line in text.lines() {
            if let Some(name) = surface_declaration(line) {
                declared.insert(name.to_owned(), name.to_owned());
            }
        }
    }
    let (shared, records, kinds) = surface_names();
    let mut names: Names = shared
        .into_iter()
        .chain(records)
        .chain(kinds)
        .map(|(key, name)| (key, camel(&name)))
        .collect();
    for (_, text) in &sources {
        let mut blocks: Vec<(String, usize)> = text
            .match_indices("(insurup::")
            .map(|(at, _)| {
                let at = at + "(insurup::".len();
                (ident_at(text, at).to_owned(), at)
            })
            .collect();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            if let Some(name) = surface_declaration(line) {
                blocks.push((name.to_owned(), offset));
            }
            offset += line.len();
        }
        for (at, _) in text.match_indices("impl ") {
            if let Some(ty) = declared.get(ident_at(text, at + "impl ".len())) {
                blocks.push((ty.clone(), at));
            }
        }
        for (ty, at) in blocks {
            let Some(open) = text[at..].find('{').map(|o| at + o + 1) else {
                continue;
            };
            node_block_names(&text[open..], &ty, &mut names);
        }
    }
    for (key, js) in wrapper_names("bindings-node/src") {
        names.entry(key).or_insert(js);
    }
    names
}

/// The entries of one Node resource block (from just after its `{`): `"doc" name(…) -> T = method(…);`.
fn node_block_names(text: &str, ty: &str, names: &mut Names) {
    block_names(text, ty, names, camel);
}

/// The entries of one block as [`node_block_names`] reads them, each name spelt by `spell`
/// unless a `js_name` gives it.
fn block_names(text: &str, ty: &str, names: &mut Names, spell: fn(&str) -> String) {
    let mut depth = 1;
    let mut close = text.len();
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth == 0 {
            close = i;
            break;
        }
    }
    // Doc strings may hold `;`, and arguments after `;` are keyword-only; only a `;` outside
    // both ends an entry.
    let (mut quoted, mut depth) = (false, 0);
    let block: String = text[..close]
        .chars()
        .map(|c| {
            match c {
                '"' => quoted = !quoted,
                '(' if !quoted => depth += 1,
                ')' if !quoted => depth -= 1,
                _ => {}
            }
            if (quoted || depth > 0) && c == ';' {
                ','
            } else {
                c
            }
        })
        .collect();
    for statement in block.split(';') {
        let code: String = statement
            .lines()
            .map(str::trim)
            .filter(|l| {
                !l.is_empty() && !l.starts_with('"') && !l.starts_with("//") && !l.starts_with('#')
            })
            .collect::<Vec<_>>()
            .join(" ");
        let code = code.strip_prefix("fn ").unwrap_or(&code);
        let name = ident_at(code, 0);
        if name.is_empty() {
            continue;
        }
        // `name[js_name = "jsName", …](…)` names it for JS.
        let js = code[name.len()..]
            .trim_start()
            .strip_prefix('[')
            .and_then(|options| options.split_once(']'))
            .and_then(|(options, _)| options.split_once("js_name = \""))
            .and_then(|(_, rest)| rest.split_once('"'))
            .map_or_else(|| spell(name), |(js, _)| js.to_owned());
        if let Some(eq) = code.rfind(" = ") {
            let method = ident_at(code, eq + 3);
            if !method.is_empty() {
                names.insert((ty.to_owned(), method.to_owned()), js);
            }
        }
    }
}

/// UniFFI: `pub struct Name(pub(crate) insurup::Type);` with `impl Name { pub async fn name(…) {
/// … self.0.method(…) } }`, or `forward! { impl Name { name(…) -> T = method(…); … } }`, or
/// `forward! { Name(insurup::Type) { … } }` declaring the object too; Kotlin and Swift both call
/// it `camelCase(name)`.
fn uniffi_names() -> Names {
    let mut names = wrapper_names("bindings-uniffi/src");
    let (shared, records, _) = surface_names();
    for (key, name) in shared.into_iter().chain(records) {
        names.entry(key).or_insert_with(|| camel(&name));
    }
    let sources = sources("bindings-uniffi/src");
    let wrapped = wrapped_types(&sources);
    for (_, text) in &sources {
        for (at, _) in text.match_indices("forward! {") {
            // The owner: `impl Name {`, or `Name(accessor) {` declaring it, whichever comes first.
            let mut owner = None;
            let mut offset = at;
            for line in text[at..].split_inclusive('\n') {
                let trimmed = line.trim_start();
                if trimmed.starts_with("impl ") || surface_declaration(line).is_some() {
                    let indent = line.len() - trimmed.len();
                    owner =
                        Some(offset + indent + if trimmed.starts_with("impl ") { 5 } else { 0 });
                    break;
                }
                offset += line.len();
            }
            let Some(owner) = owner else { continue };
            let (Some(ty), Some(open)) = (
                wrapped.get(ident_at(text, owner)),
                text[owner..].find('{').map(|o| owner + o + 1),
            ) else {
                continue;
            };
            // Doc comments may hold `;` and quotes: drop them before reading the entries.
            let code: String = text[open..]
                .lines()
                .filter(|line| !line.trim_start().starts_with("//"))
                .map(|line| format!("{line}\n"))
                .collect();
            node_block_names(&code, ty, &mut names);
        }
    }
    names
}

/// Hand-written methods of `pub struct Name(pub(crate) insurup::Type);` wrappers (`impl Name`
/// blocks in any file of `dir`) that forward to `self.0.method(…)`, however the call is wrapped.
fn wrapper_names(dir: &str) -> Names {
    let sources = sources(dir);
    let wrapped = wrapped_types(&sources);
    let mut names = Names::new();
    for (_, text) in &sources {
        let mut owner: Option<String> = None;
        for (head, piece) in pieces(text, &["impl ", "pub async fn ", "pub fn "]) {
            let head = head.trim_start();
            if let Some(rest) = head.strip_prefix("impl ") {
                owner = wrapped.get(ident_at(rest, 0)).cloned();
                continue;
            }
            let (Some(ty), Some(at)) = (&owner, head.find("fn ")) else {
                continue;
            };
            let name = ident_at(head, at + 3);
            let compact: String = piece.split_whitespace().collect();
            if let Some(method) = forwarded_method(&compact) {
                names.insert((ty.clone(), method.to_owned()), camel(name));
            }
        }
    }
    names
}

/// The core method a wrapper's body (whitespace removed) calls: `self.0.method(…)`, or, when the
/// resource is cloned into a future first, `let name = self.0.clone(); … name.method(…)`.
fn forwarded_method(compact: &str) -> Option<&str> {
    let call = compact.find("self.0.")?;
    let method = ident_at(compact, call + "self.0.".len());
    if method != "clone" {
        return Some(method);
    }
    let binding = compact[..call].strip_suffix('=')?.rsplit_once("let")?.1;
    let at = compact[call..].find(&format!("{binding}."))? + call + binding.len() + 1;
    Some(ident_at(compact, at)).filter(|method| !method.is_empty())
}

/// Binding type → the core type it wraps: `pub struct Name(pub(crate) insurup::Type);`, or
/// `Name(insurup::Type) {` in a resource macro.
fn wrapped_types(sources: &[(String, String)]) -> BTreeMap<String, String> {
    let mut wrapped: BTreeMap<String, String> = surface_blocks()
        .into_iter()
        .map(|(ty, ..)| (ty.clone(), ty))
        .collect();
    for (_, text) in sources {
        for line in text.lines() {
            if let Some(name) = surface_declaration(line) {
                wrapped.insert(name.to_owned(), name.to_owned());
            }
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("pub struct ")
                && let Some(inner) = rest.split_once("(pub(crate) insurup::")
            {
                wrapped.insert(
                    ident_at(inner.0, 0).to_owned(),
                    ident_at(inner.1, 0).to_owned(),
                );
            } else if line.ends_with('{')
                && let Some((name, inner)) = line.split_once("(insurup::")
                && !name.is_empty()
                && name.chars().all(is_ident)
            {
                // Declared by a resource macro: `Name(insurup::Type) {`.
                wrapped.insert(name.to_owned(), ident_at(inner, 0).to_owned());
            }
        }
    }
    wrapped
}

/// `(METHOD, normalized path) → handler`, from the sandbox's `#[utoipa::path(…)]` attributes;
/// and the GraphQL fields its lists declare.
fn sandbox_routes() -> (BTreeMap<(String, String), String>, BTreeSet<String>) {
    let mut routes = BTreeMap::new();
    let mut fields = BTreeSet::new();
    for (file, text) in sources("sandbox/src") {
        let module = file
            .trim_start_matches("sandbox/src/")
            .trim_end_matches(".rs")
            .trim_end_matches("/mod")
            .replace('/', "::");
        let mut search = 0;
        while let Some(found) = text[search..].find("#[utoipa::path(") {
            let at = search + found + "#[utoipa::path(".len();
            let verb = ident_at(&text, at).to_uppercase();
            let path = text[at..]
                .find("path = \"")
                .map(|p| at + p + "path = \"".len())
                .and_then(|p| text[p..].find('"').map(|e| &text[p..p + e]))
                .unwrap_or_default();
            let handler = text[at..]
                .find("pub async fn ")
                .map(|f| ident_at(&text, at + f + "pub async fn ".len()))
                .unwrap_or_default();
            routes
                .entry((verb, normalized(path)))
                .or_insert_with(|| format!("{module}::{handler}"));
            search = at;
        }
        if file.starts_with("sandbox/src/api/graphql/") {
            let mut search = 0;
            while let Some(found) = text[search..].find("connection: \"") {
                let at = search + found + "connection: \"".len();
                if let Some(end) = text[at..].find('"') {
                    fields.insert(text[at..at + end].to_owned());
                }
                search = at;
            }
            for line in text.lines() {
                if let Some(rest) = line.trim().strip_prefix("pub fn ") {
                    fields.insert(camel(ident_at(rest, 0)));
                }
            }
        }
    }
    (routes, fields)
}

/// `(test label, body)` of every test function under `tests/tests`.
/// The top-level functions of a Rust file: `(is a test, name, text)`. A function starts at a
/// column-0 line (its attributes and doc comments included) and ends where the next item starts.
fn functions(text: &str) -> Vec<(bool, String, &str)> {
    const ITEMS: [&str; 14] = [
        "#[",
        "///",
        "fn ",
        "async fn ",
        "pub",
        "use ",
        "const ",
        "static ",
        "struct ",
        "enum ",
        "impl",
        "mod ",
        "type ",
        "macro_rules!",
    ];
    let mut cuts = Vec::new();
    let mut offset = 0;
    let mut in_header = false;
    for line in text.split_inclusive('\n') {
        let starts_item = ITEMS.iter().any(|item| line.starts_with(item));
        if starts_item && !in_header {
            cuts.push(offset);
        }
        in_header = line.starts_with("#[") || line.starts_with("///");
        offset += line.len();
    }
    cuts.push(text.len());
    cuts.windows(2)
        .filter_map(|w| {
            let piece = &text[w[0]..w[1]];
            let signature = piece
                .lines()
                .find(|l| !l.starts_with("#[") && !l.starts_with("///"))?;
            let at = signature.find("fn ")?;
            let test = piece
                .lines()
                .any(|l| l.starts_with("#[tokio::test") || l.starts_with("#[test]"));
            Some((test, ident_at(signature, at + 3).to_owned(), piece))
        })
        .collect()
}

/// Whether `body` calls the free function `name` (not a method of that name).
fn calls_function(body: &str, name: &str) -> bool {
    let call = format!("{name}(");
    body.match_indices(&call).any(|(at, _)| {
        !body[..at]
            .chars()
            .next_back()
            .is_some_and(|c| is_ident(c) || c == '.')
    })
}

/// Every test as `(file::name, body)`, each body followed by the bodies of the helper functions
/// it calls (its own file's and `support/`'s), two calls deep, so a call made through a helper
/// counts for the test.
fn tests() -> Vec<(String, String)> {
    // This file names routes and calls as examples; it calls none of them.
    let sources: Vec<_> = sources("tests/tests")
        .into_iter()
        .filter(|(file, _)| !file.ends_with("breadth/coverage.rs"))
        .collect();
    let helpers_of = |file: &str| -> Vec<(String, String)> {
        sources
            .iter()
            .filter(|(other, _)| other == file || other.starts_with("tests/tests/support/"))
            .flat_map(|(_, text)| functions(text))
            .filter(|(test, _, _)| !test)
            .map(|(_, name, piece)| (name, piece.to_owned()))
            .collect()
    };
    let mut out = Vec::new();
    for (file, text) in &sources {
        let short = file.trim_start_matches("tests/tests/");
        let helpers = helpers_of(file);
        let calls = |body: &str| -> String {
            helpers
                .iter()
                .filter(|(name, _)| calls_function(body, name))
                .map(|(_, helper)| helper.as_str())
                .collect()
        };
        for (test, name, piece) in functions(text) {
            if test {
                let once = calls(piece);
                let twice = calls(&once);
                out.push((format!("{short}::{name}"), format!("{piece}{once}{twice}")));
            }
        }
    }
    out
}

/// Whether `body` calls `accessor().method(`: chained (`client.customers().delete(`, however
/// the chain is wrapped) or through a variable (`let customers = client.customers();` then
/// `customers.delete(`).
fn calls_method(body: &str, accessor: &str, method: &str) -> bool {
    let compact: String = body.split_whitespace().collect();
    if compact.contains(&format!(".{accessor}().{method}(")) {
        return true;
    }
    let bound = format!(".{accessor}();");
    compact.match_indices(&bound).any(|(at, _)| {
        let Some(equals) = compact[..at].rfind('=') else {
            return false;
        };
        let name = ident_before(&compact, equals);
        let name = name
            .strip_prefix("letmut")
            .or_else(|| name.strip_prefix("let"))
            .unwrap_or(name);
        !name.is_empty() && compact.contains(&format!("{name}.{method}("))
    })
}

/// One line of `docs/endpoints.txt`.
struct Endpoint {
    section: String,
    verb: String,
    path: String,
    reason: Option<String>,
}

fn endpoints() -> Vec<Endpoint> {
    let mut out = Vec::new();
    let mut section = String::new();
    for line in read(&repo().join("docs/endpoints.txt")).lines() {
        let line = line.trim();
        if let Some(title) = line.strip_prefix("## ") {
            section = title.to_owned();
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (endpoint, reason) = match line.split_once('|') {
            Some((e, r)) => (e.trim(), Some(r.trim().to_owned())),
            None => (line, None),
        };
        let (verb, path) = endpoint.split_once(' ').expect("`METHOD /path`");
        out.push(Endpoint {
            section: section.clone(),
            verb: verb.to_owned(),
            path: path.trim().to_owned(),
            reason,
        });
    }
    out
}

/// The GraphQL list field's core method: `customersNew` → `customers`.
fn graphql_method(field: &str) -> String {
    let base = field.strip_suffix("New").unwrap_or(field);
    let mut out = String::new();
    for c in base.chars() {
        if c.is_uppercase() {
            out.push('_');
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn code(text: &str) -> String {
    format!("`{text}`")
}

fn generate() -> (String, Vec<String>) {
    let methods = core_methods();
    let accessors = accessors();
    let accessor_of: BTreeMap<&String, &String> = accessors.iter().map(|(a, t)| (t, a)).collect();
    let bindings = [
        python_names(&accessors),
        node_names(),
        uniffi_names(),
        uniffi_names(),
    ];
    let (served, fields) = sandbox_routes();
    let sandbox_sources = sources("sandbox/src");
    let tests = tests();
    let mut problems = Vec::new();

    let mut rows: Vec<(String, Vec<String>)> = Vec::new();
    let mut left_out = Vec::new();
    let mut covered = 0;
    let mut served_count = 0;
    let mut tested = 0;
    let mut per_binding = [0usize; 4];
    for endpoint in endpoints() {
        let shown = format!("{} {}", endpoint.verb, endpoint.path);
        let wanted = normalized(&endpoint.path);
        let graphql = endpoint.verb == "GRAPHQL";
        let route_key = if graphql {
            graphql_method(&endpoint.path)
        } else {
            wanted.clone()
        };
        let found: Vec<&CoreMethod> = methods
            .iter()
            .filter(|m| {
                m.routes
                    .iter()
                    .any(|(v, r)| *r == route_key && (v == &endpoint.verb || v == "*"))
            })
            .collect();
        // The public method that names the route, else the private one the client runs itself.
        let chosen: Vec<&CoreMethod> = if found.iter().any(|m| m.public) {
            found.into_iter().filter(|m| m.public).collect()
        } else {
            found
        };
        if chosen.is_empty() {
            match &endpoint.reason {
                Some(reason) => left_out.push((endpoint.section.clone(), shown, reason.clone())),
                None => problems.push(format!("{shown}: no core method and no reason")),
            }
            continue;
        }
        covered += 1;
        let automatic = chosen.iter().all(|m| !m.public);
        let core_cell = if automatic {
            format!("{} (every client)", code(&chosen[0].label()))
        } else {
            chosen
                .iter()
                .map(|m| code(&m.label()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let mut cells = vec![code(&shown), core_cell];
        for (i, names) in bindings.iter().enumerate() {
            let cell = if automatic {
                "every client".to_owned()
            } else {
                let found: Vec<String> = chosen
                    .iter()
                    .filter_map(|m| names.get(&(m.owner.clone(), m.name.clone())))
                    .map(|n| code(n))
                    .collect();
                if found.is_empty() {
                    "—".to_owned()
                } else {
                    found.join(", ")
                }
            };
            if cell != "—" {
                per_binding[i] += 1;
            }
            cells.push(cell);
        }
        let sandbox = if graphql {
            fields
                .contains(&endpoint.path)
                .then(|| code(&format!("graphql {}", endpoint.path)))
        } else {
            served
                .get(&(endpoint.verb.clone(), wanted.clone()))
                .map(|handler| code(handler))
                .or_else(|| {
                    // Handlers a macro declares name their path in its invocation.
                    sandbox_sources
                        .iter()
                        .find(|(_, text)| text.contains(&format!("\"{}\"", endpoint.path)))
                        .map(|(file, _)| code(file.trim_start_matches("sandbox/src/")))
                })
        };
        if sandbox.is_some() {
            served_count += 1;
        }
        cells.push(sandbox.unwrap_or_else(|| "—".to_owned()));
        let test = tests.iter().find(|(_, body)| {
            chosen.iter().any(|m| {
                (m.public
                    && accessor_of
                        .get(&m.owner)
                        .is_some_and(|a| calls_method(body, a, &m.name)))
                    // A test that names the route itself, e.g. to count its requests.
                    || (!graphql
                        && (body.contains(&format!("{} {}\"", endpoint.verb, endpoint.path))
                            || body.contains(&format!("\"{}\"", endpoint.path))))
            })
        });
        if test.is_some() {
            tested += 1;
        }
        cells.push(test.map_or_else(|| "—".to_owned(), |(label, _)| code(label)));
        rows.push((endpoint.section.clone(), cells));
    }

    let total = covered + left_out.len();
    let mut out = String::new();
    let _ = writeln!(out, "# API coverage");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "<!-- Generated by tests/tests/breadth/coverage.rs from the code; do not edit. Refresh with\n     `INSURUP_UPDATE_COVERAGE=1 cargo test -p insurup-e2e --test breadth coverage`. -->"
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "Each endpoint of InsurUp's API that `docs/endpoints.txt` lists (in the API reference's order) → the core \
method whose request names its route → the name each binding forwards it under → the sandbox handler that \
serves it → a test that calls it. \"every client\" marks what the client does by itself (signing in, renewing \
tokens); \"—\" marks a gap. The bindings read the GraphQL lists through the core's row cursors, which \
one macro per language declares; this table does not see those names (each binding's surface parity test does: \
`customers`/`customersFlow`/`allCustomers` and the like)."
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "**{covered} of {total} endpoints have a core method; {} are left out, each with its reason below.** \
Of the {covered}: the sandbox serves {served_count}, a test calls {tested}; Python forwards {}, Node {}, \
Kotlin {}, Swift {}.",
        left_out.len(),
        per_binding[0],
        per_binding[1],
        per_binding[2],
        per_binding[3],
    );
    let mut section = String::new();
    for (row_section, cells) in &rows {
        if *row_section != section {
            section.clone_from(row_section);
            let _ = writeln!(out);
            let _ = writeln!(out, "## {section}");
            let _ = writeln!(out);
            let _ = writeln!(
                out,
                "| endpoint | core | Python | Node | Kotlin | Swift | sandbox | test |"
            );
            let _ = writeln!(out, "|---|---|---|---|---|---|---|---|");
        }
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "## Left out");
    let _ = writeln!(out);
    let _ = writeln!(out, "| area | endpoint | why |");
    let _ = writeln!(out, "|---|---|---|");
    for (section, endpoint, reason) in &left_out {
        let _ = writeln!(out, "| {section} | {} | {reason} |", code(endpoint));
    }
    (out, problems)
}

#[test]
fn the_coverage_table_is_the_one_the_code_makes() {
    let (table, problems) = generate();
    assert!(problems.is_empty(), "{problems:#?}");
    let path = repo().join("docs/COVERAGE.md");
    if std::env::var_os("INSURUP_UPDATE_COVERAGE").is_some() {
        fs::write(&path, &table).expect("docs/COVERAGE.md written");
        return;
    }
    let committed = fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == table,
        "docs/COVERAGE.md is stale; refresh it with \
         `INSURUP_UPDATE_COVERAGE=1 cargo test -p insurup-e2e --test breadth coverage`"
    );
}
