//! The HTML layer under the passes: the one lol_html walk (with the stack
//! of open elements), tag interning, character references, charset
//! sniffing, URLs and the multi-pattern matcher.

pub mod encoding;
pub(crate) mod entities;
pub(crate) mod matcher;
pub(crate) mod tags;
pub(crate) mod treebuilder;
pub(crate) mod url;
pub(crate) mod walk;
