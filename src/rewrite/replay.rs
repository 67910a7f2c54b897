//! Pass 2 replays pass 1's records in document order.

use std::borrow::Cow;

use super::emit::{RewriteVisitor, StartTag};
use crate::doc::{flag, slice, Doc, Input};
use crate::html::tags;

/// A text chunk may follow the previous one after this many bytes: the
/// continuation bytes of one UTF-8 character split over writes (at most
/// three) that produced no chunk of their own.
const MAX_CHAR_GAP: u32 = 3;

/// Feeds `v` the elements from ordinal `from` on and the text chunks from
/// input position `from_pos` on, up to input position `to`, in document
/// order, with the closes between them.
pub(super) fn replay(v: &mut RewriteVisitor, input: Input<'_>, doc: &Doc, from: usize, from_pos: u32, to: u32) {
    let els = &doc.els;
    let texts = &doc.text_recs;
    let mut ti = texts.partition_point(|t| t.pos < from_pos);
    let mut open: Vec<u32> = Vec::with_capacity(64);
    let close_until = |v: &mut RewriteVisitor, open: &mut Vec<u32>, p: u32| {
        while let Some(&top) = open.last() {
            if els[top as usize].end > p {
                break;
            }
            open.pop();
            v.end();
        }
    };
    let emit_texts_before = |v: &mut RewriteVisitor, open: &mut Vec<u32>, ti: &mut usize, p: u32| {
        while let Some(t) = texts.get(*ti) {
            if t.pos >= p {
                break;
            }
            close_until(v, open, t.pos);
            // lol_html splits a text node wherever a write ended; pass 2
            // joins the pieces back (adjacent in the input, no tag between),
            // so its output does not depend on how the input was fed, and
            // a reference split as `&am` + `p;` still decodes. "Adjacent"
            // allows a gap of non-ASCII bytes: a write holding only the
            // middle of a character yields no chunk, and the next chunk's
            // location starts after it (a tag between would show `<`).
            let mut n = 1;
            let mut end = t.pos + t.src_len;
            let mut in_source = t.in_source();
            while let Some(u) = texts.get(*ti + n) {
                let gap_ok = u.pos >= end && u.pos - end <= MAX_CHAR_GAP && slice(input.bytes, end, u.pos - end).iter().all(|&b| b >= 0x80);
                if !gap_ok || u.kind() != t.kind() || u.pos >= p {
                    break;
                }
                end = u.pos + u.src_len;
                in_source &= u.in_source();
                n += 1;
            }
            if n == 1 {
                v.text(&doc.text_of(input, t), t.kind());
            } else if in_source {
                v.text(&input.text(t.pos, end - t.pos), t.kind());
            } else {
                let joined: String = texts[*ti..*ti + n].iter().map(|u| doc.text_of(input, u)).collect();
                v.text(&joined, t.kind());
            }
            *ti += n;
        }
    };
    for (i, e) in els.iter().enumerate().skip(from) {
        if e.start >= to {
            break;
        }
        emit_texts_before(v, &mut open, &mut ti, e.start);
        close_until(v, &mut open, e.start);
        let name: Cow<'_, str> = match e.tag.name() {
            Some(n) => Cow::Borrowed(n),
            None => Cow::Owned(String::from_utf8_lossy(tags::raw_name_at(input.bytes, e.start as usize)).to_ascii_lowercase()),
        };
        let st = StartTag { tag: e.tag, name, attrs: doc.attrs_of(i), src: input, flags: e.flags };
        let void = e.flags & flag::VOID != 0;
        v.start(&st, i as u32, void);
        if !void {
            open.push(i as u32);
        }
    }
    emit_texts_before(v, &mut open, &mut ti, to);
    while open.pop().is_some() {
        v.end();
    }
}
