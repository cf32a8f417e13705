//! A flat document tree built by html5ever's tree builder.
//!
//! Nodes live in one vector and refer to each other by index, so that no
//! walk over the tree and no drop of it recurses: a document nested ten
//! thousand elements deep is as safe as a flat one. Every node remembers the
//! source line it was created on.

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{parse_document, Attribute, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// What a node is.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Kind {
    /// The document root.
    Document,
    /// An element in the HTML namespace (lowercase local name) or another
    /// namespace (SVG, MathML: `html` false).
    Element {
        name: String,
        html: bool,
        attrs: Vec<(String, String)>,
    },
    /// Text, as chunks with the source line each chunk ends on.
    Text(Vec<(String, u32)>),
    /// Comments, doctypes, processing instructions.
    Other,
}

/// One node of a [`Dom`].
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub(crate) kind: Kind,
    /// The source line the node was created on (1-based).
    pub(crate) line: u32,
    pub(crate) parent: Option<usize>,
    pub(crate) children: Vec<usize>,
    /// Whether the tree builder moved this node out of a table because it
    /// stood inside the table but outside any cell ("foster parenting").
    pub(crate) fostered: bool,
}

/// A parsed document: nodes by index (the root is 0) and the parse errors
/// the tree builder reported, with their lines.
#[derive(Debug, Clone)]
pub(crate) struct Dom {
    pub(crate) nodes: Vec<Node>,
    pub(crate) errors: Vec<(u32, String)>,
}

impl Dom {
    /// Parse a whole HTML document (or fragment: html5ever supplies the
    /// missing `<html>`, `<head>` and `<body>`).
    pub(crate) fn parse(text: &str) -> Dom {
        let sink = Sink::default();
        let opts = ParseOpts {
            tree_builder: TreeBuilderOpts {
                exact_errors: true,
                ..TreeBuilderOpts::default()
            },
            ..ParseOpts::default()
        };
        parse_document(sink, opts).one(StrTendril::from(text))
    }

    /// The element name of a node (lowercase), if it is an HTML element.
    pub(crate) fn name(&self, id: usize) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element {
                name, html: true, ..
            }) => Some(name),
            _ => None,
        }
    }

    /// An attribute of an element.
    pub(crate) fn attr(&self, id: usize, attr: &str) -> Option<&str> {
        match self.nodes.get(id).map(|n| &n.kind) {
            Some(Kind::Element { attrs, .. }) => attrs
                .iter()
                .find(|(k, _)| k == attr)
                .map(|(_, v)| v.as_str()),
            _ => None,
        }
    }

    /// The children of a node.
    pub(crate) fn children(&self, id: usize) -> &[usize] {
        self.nodes.get(id).map_or(&[], |n| n.children.as_slice())
    }

    /// The line a node was created on.
    pub(crate) fn line(&self, id: usize) -> u32 {
        self.nodes.get(id).map_or(1, |n| n.line)
    }
}

/// A node handle for the tree builder: the node's index plus its name (the
/// tree builder asks for names by reference).
#[derive(Debug)]
struct Handle {
    id: usize,
    name: QualName,
}

type Ref = Rc<Handle>;

struct Sink {
    nodes: RefCell<Vec<Node>>,
    /// Handles by id, so that template contents can be handed out again.
    handles: RefCell<Vec<Ref>>,
    line: Cell<u32>,
    errors: RefCell<Vec<(u32, String)>>,
}

impl Default for Sink {
    fn default() -> Sink {
        let sink = Sink {
            nodes: RefCell::new(Vec::new()),
            handles: RefCell::new(Vec::new()),
            line: Cell::new(1),
            errors: RefCell::new(Vec::new()),
        };
        sink.new_node(Kind::Document, no_name());
        sink
    }
}

fn no_name() -> QualName {
    QualName::new(None, html5ever::ns!(), html5ever::local_name!(""))
}

impl Sink {
    fn new_node(&self, kind: Kind, name: QualName) -> Ref {
        let mut nodes = self.nodes.borrow_mut();
        let id = nodes.len();
        nodes.push(Node {
            kind,
            line: self.line.get(),
            parent: None,
            children: Vec::new(),
            fostered: false,
        });
        let handle = Rc::new(Handle { id, name });
        self.handles.borrow_mut().push(Rc::clone(&handle));
        handle
    }

    fn detach(nodes: &mut [Node], id: usize) {
        if let Some(parent) = nodes.get_mut(id).and_then(|n| n.parent.take()) {
            if let Some(p) = nodes.get_mut(parent) {
                p.children.retain(|&c| c != id);
            }
        }
    }

    /// Insert `child` into `parent` at `index` (the end if `None`), merging
    /// text with a text node just before it.
    fn insert(&self, parent: usize, index: Option<usize>, child: NodeOrText<Ref>, fostered: bool) {
        let line = self.line.get();
        let mut nodes = self.nodes.borrow_mut();
        let Some(len) = nodes.get(parent).map(|p| p.children.len()) else {
            return;
        };
        let at = index.unwrap_or(len).min(len);
        match child {
            NodeOrText::AppendText(text) => {
                let before = at
                    .checked_sub(1)
                    .and_then(|i| nodes.get(parent).and_then(|p| p.children.get(i)).copied());
                if let Some(prev) = before {
                    // Text moved out of a table stays apart from the text
                    // that really stood there.
                    if let Some(Node {
                        kind: Kind::Text(chunks),
                        fostered: was_fostered,
                        ..
                    }) = nodes.get_mut(prev).filter(|n| n.fostered == fostered)
                    {
                        // Pieces of one token share its (end) line: keep
                        // them as one chunk so that its start can be found.
                        match chunks.last_mut() {
                            Some((last, at)) if *at == line => last.push_str(&text),
                            _ => chunks.push((text.to_string(), line)),
                        }
                        *was_fostered |= fostered;
                        return;
                    }
                }
                let id = nodes.len();
                nodes.push(Node {
                    kind: Kind::Text(vec![(text.to_string(), line)]),
                    line,
                    parent: Some(parent),
                    children: Vec::new(),
                    fostered,
                });
                if let Some(p) = nodes.get_mut(parent) {
                    p.children.insert(at, id);
                }
            }
            NodeOrText::AppendNode(node) => {
                Sink::detach(&mut nodes, node.id);
                // Detaching may have shifted the insertion point.
                let len = nodes.get(parent).map_or(0, |p| p.children.len());
                let at = at.min(len);
                if let Some(n) = nodes.get_mut(node.id) {
                    n.parent = Some(parent);
                    n.fostered |= fostered;
                }
                if let Some(p) = nodes.get_mut(parent) {
                    p.children.insert(at, node.id);
                }
            }
        }
    }

    fn is_table(&self, id: usize) -> bool {
        matches!(
            self.nodes.borrow().get(id).map(|n| &n.kind),
            Some(Kind::Element { name, html: true, .. }) if name == "table"
        )
    }
}

impl TreeSink for Sink {
    type Handle = Ref;
    type Output = Dom;
    type ElemName<'a>
        = &'a QualName
    where
        Self: 'a;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.nodes.into_inner(),
            errors: self.errors.into_inner(),
        }
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.errors
            .borrow_mut()
            .push((self.line.get(), msg.into_owned()));
    }

    fn get_document(&self) -> Ref {
        self.handles.borrow().first().cloned().unwrap_or_else(|| {
            Rc::new(Handle {
                id: 0,
                name: no_name(),
            })
        })
    }

    fn elem_name<'a>(&'a self, target: &'a Ref) -> &'a QualName {
        &target.name
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Ref {
        let kind = Kind::Element {
            name: name.local.as_ref().to_ascii_lowercase(),
            html: name.ns == html5ever::ns!(html),
            attrs: attrs
                .iter()
                .map(|a| {
                    (
                        a.name.local.as_ref().to_ascii_lowercase(),
                        a.value.to_string(),
                    )
                })
                .collect(),
        };
        let handle = self.new_node(kind, name);
        if flags.template {
            // The template's contents: a detached fragment, never read.
            self.new_node(Kind::Document, no_name());
        }
        handle
    }

    fn create_comment(&self, _text: StrTendril) -> Ref {
        self.new_node(Kind::Other, no_name())
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Ref {
        self.new_node(Kind::Other, no_name())
    }

    fn append(&self, parent: &Ref, child: NodeOrText<Ref>) {
        self.insert(parent.id, None, child, false);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Ref,
        prev_element: &Ref,
        child: NodeOrText<Ref>,
    ) {
        let has_parent = self
            .nodes
            .borrow()
            .get(element.id)
            .is_some_and(|n| n.parent.is_some());
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        _name: StrTendril,
        _public_id: StrTendril,
        _system_id: StrTendril,
    ) {
    }

    fn get_template_contents(&self, target: &Ref) -> Ref {
        // `create_element` put the contents right after the template.
        self.handles
            .borrow()
            .get(target.id + 1)
            .cloned()
            .unwrap_or_else(|| Rc::clone(target))
    }

    fn same_node(&self, x: &Ref, y: &Ref) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Ref, child: NodeOrText<Ref>) {
        let fostered = self.is_table(sibling.id);
        let place = {
            let nodes = self.nodes.borrow();
            nodes
                .get(sibling.id)
                .and_then(|s| s.parent)
                .and_then(|parent| {
                    let index = nodes
                        .get(parent)?
                        .children
                        .iter()
                        .position(|&c| c == sibling.id)?;
                    Some((parent, index))
                })
        };
        if let Some((parent, index)) = place {
            self.insert(parent, Some(index), child, fostered);
        }
    }

    fn add_attrs_if_missing(&self, target: &Ref, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        if let Some(Node {
            kind: Kind::Element {
                attrs: existing, ..
            },
            ..
        }) = nodes.get_mut(target.id)
        {
            for a in attrs {
                let key = a.name.local.as_ref().to_ascii_lowercase();
                if !existing.iter().any(|(k, _)| *k == key) {
                    existing.push((key, a.value.to_string()));
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Ref) {
        Sink::detach(&mut self.nodes.borrow_mut(), target.id);
    }

    fn reparent_children(&self, node: &Ref, new_parent: &Ref) {
        let mut nodes = self.nodes.borrow_mut();
        let moved = nodes
            .get_mut(node.id)
            .map(|n| std::mem::take(&mut n.children))
            .unwrap_or_default();
        for &child in &moved {
            if let Some(c) = nodes.get_mut(child) {
                c.parent = Some(new_parent.id);
            }
        }
        if let Some(p) = nodes.get_mut(new_parent.id) {
            p.children.extend(moved);
        }
    }

    fn set_current_line(&self, line_number: u64) {
        self.line
            .set(u32::try_from(line_number).unwrap_or(u32::MAX));
    }
}
