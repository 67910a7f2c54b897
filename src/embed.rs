//! The embed policy (`iframe`, `embed`, `object`), in one place.
//!
//! An embed is content only when it is the player of a known video host
//! ([`rules::VIDEO_HOSTS`]): pass 1 flags those
//! ([`flag::VIDEO`]); decide removes every other embed ("embedded object",
//! or as invisible content before scoring); pass 2 writes a flagged
//! `<iframe>` whose `src` is such a player as a sandboxed iframe with no
//! content, and drops everything else (`iframe`, `embed` and `object` are
//! in [`rules::DROP_SUBTREE_TAGS`] and
//! `embed`/`object` in the forbidden tags: an option can never let one through).

use crate::doc::{flag, El};
use crate::html::entities::decode;
use crate::html::tags::Tag;
use crate::rules;

/// Is `src` a player URL of a known video host (`http(s)://host/...` or
/// `//host/...`)?
pub(crate) fn is_video_url(src: &str) -> bool {
    let s = src.trim();
    let rest = s.strip_prefix("https:").or_else(|| s.strip_prefix("http:")).unwrap_or(s);
    let Some(rest) = rest.strip_prefix("//") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    rules::VIDEO_HOSTS.contains(&host.as_str())
}

/// Pass 1's mark: an embed whose `src` (or `<object data>`) is a player.
pub(crate) fn is_player(e: &El) -> bool {
    e.flags & flag::VIDEO != 0
}

/// An embed decide removes (and counts against a block in conditional cleaning).
pub(crate) fn is_dropped_embed(e: &El) -> bool {
    matches!(e.tag, Tag::OBJECT | Tag::EMBED | Tag::IFRAME) && !is_player(e)
}

/// Does pass 2 write this element as a sandboxed player? Only an
/// `<iframe>` that pass 1 flagged and whose (decoded) `src` is a player:
/// `<object data=...>` players are flagged but never written.
pub(crate) fn writes_player(tag: Tag, flags: u32, src: Option<&str>) -> bool {
    tag == Tag::IFRAME && flags & flag::VIDEO != 0 && src.is_some_and(|s| is_video_url(&decode(s)))
}
