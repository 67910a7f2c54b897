//! Subtree totals of pass-1 statistics, summed bottom-up without the
//! removed subtrees: what Readability gets by mutating its DOM.

use crate::doc::{flag, El, NONE};
use crate::html::tags::Tag;
use crate::rules as R;

/// Subtree totals of one element (after removals).
#[derive(Clone, Default, Debug)]
pub(super) struct Agg {
    pub text: u32,
    pub link: u32,
    /// Text of links to places on the same page (`href="#…"`).
    pub frag: u32,
    /// `<a href="#…">` elements.
    pub frag_links: u32,
    pub commas: u32,
    pub p: u32,
    pub img: u32,
    pub li: u32,
    pub li_text: u32,
    pub input: u32,
    pub embed: u32,
    pub heading_text: u32,
    pub textish_text: u32,
    pub children: u32,
    /// Element children that are `<p>`.
    pub p_children: u32,
    pub tr: u32,
    pub cells: u32,
    pub tables: u32,
    pub data_tables: u32,
    /// Text of paragraphs (p, or div without blocks) that are not mostly
    /// links: the prose a junk rule must never take.
    pub ptext: u32,
    /// OR of descendant flags (and own).
    pub flags: u32,
}

impl Agg {
    /// Applies `f` to every field that sums over a subtree: one list of
    /// fields for adding a child, owing a removal, and settling it.
    fn zip_sums(&mut self, o: &Agg, f: fn(u32, u32) -> u32) {
        self.text = f(self.text, o.text);
        self.link = f(self.link, o.link);
        self.frag = f(self.frag, o.frag);
        self.frag_links = f(self.frag_links, o.frag_links);
        self.commas = f(self.commas, o.commas);
        self.p = f(self.p, o.p);
        self.img = f(self.img, o.img);
        self.li = f(self.li, o.li);
        self.li_text = f(self.li_text, o.li_text);
        self.input = f(self.input, o.input);
        self.embed = f(self.embed, o.embed);
        self.heading_text = f(self.heading_text, o.heading_text);
        self.textish_text = f(self.textish_text, o.textish_text);
        self.tr = f(self.tr, o.tr);
        self.cells = f(self.cells, o.cells);
        self.tables = f(self.tables, o.tables);
        self.data_tables = f(self.data_tables, o.data_tables);
        self.ptext = f(self.ptext, o.ptext);
    }
    pub(super) fn add(&mut self, o: &Agg) {
        self.zip_sums(o, u32::saturating_add);
    }
    pub(super) fn sub(&mut self, o: &Agg) {
        self.zip_sums(o, u32::saturating_sub);
    }
    pub(super) fn link_density(&self) -> f32 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f32 / self.text as f32
        }
    }
}

fn is_textish(t: Tag) -> bool {
    matches!(
        t,
        Tag::SPAN | Tag::LI | Tag::TD | Tag::BLOCKQUOTE | Tag::DL | Tag::DIV | Tag::IMG | Tag::OL
            | Tag::P | Tag::PRE | Tag::TABLE | Tag::UL
    )
}

/// Bottom-up totals of every element that is not removed.
pub(super) fn aggregate(els: &[El], removed: &[bool]) -> Vec<Agg> {
    let n = els.len();
    let mut agg = vec![Agg::default(); n];
    for i in (0..n).rev() {
        if removed[i] {
            continue;
        }
        let e = &els[i];
        {
            let a = &mut agg[i];
            a.text += e.own_text;
            if e.flags & flag::IN_LINK != 0 {
                a.link += e.own_text;
                if e.flags & flag::FRAGMENT_LINK != 0 {
                    a.frag += e.own_text;
                    a.frag_links += u32::from(e.tag == Tag::A);
                }
            }
            a.commas += e.own_commas;
            a.flags |= e.flags;
            match e.tag {
                Tag::P => a.p += 1,
                // Readability turns a div without block descendants into a p.
                Tag::DIV if e.flags & flag::HAS_BLOCK_CHILD == 0 => a.p += 1,
                // ... and wraps the loose text of a div with blocks in one.
                Tag::DIV if e.flags & flag::LOOSE_TEXT != 0 => {
                    a.p += 1;
                    a.textish_text += e.own_text;
                }
                Tag::IMG => a.img += 1,
                Tag::LI => {
                    a.li += 1;
                    a.li_text = a.text; // own subtree text (nested li double count, as Readability)
                }
                Tag::INPUT => a.input += 1,
                Tag::EMBED | Tag::OBJECT | Tag::IFRAME if e.flags & flag::VIDEO == 0 => a.embed += 1,
                Tag::TR => a.tr += 1,
                Tag::TD | Tag::TH => a.cells += 1,
                Tag::TABLE => {
                    a.tables += 1;
                }
                _ => {}
            }
            if e.tag.is_heading() {
                a.heading_text = a.text;
            }
        }
        if e.tag == Tag::TABLE && is_data_table(e, &agg[i]) {
            agg[i].data_tables += 1;
        }
        let p_like = e.tag == Tag::P || (e.tag == Tag::DIV && e.flags & flag::HAS_BLOCK_CHILD == 0);
        if p_like && agg[i].link_density() < R::PROSE_MAX_LINK_DENSITY {
            agg[i].ptext = agg[i].text;
        }
        let p = e.parent;
        if p != NONE {
            let child = agg[i].clone();
            let pa = &mut agg[p as usize];
            pa.add(&child);
            if is_textish(e.tag) {
                pa.textish_text = pa.textish_text.saturating_add(child.text);
            }
            pa.children += 1;
            if e.tag == Tag::P {
                pa.p_children += 1;
            }
            pa.flags |= child.flags;
        }
    }
    agg
}

/// Readability's `_markDataTables` on totals.
fn is_data_table(e: &El, a: &Agg) -> bool {
    if e.flags & flag::DATA_TABLE != 0 {
        return true;
    }
    // Nested tables are layout.
    if a.tables > 1 {
        return false;
    }
    let rows = a.tr.max(1);
    let cols = a.cells / rows;
    rows >= R::DATA_TABLE_MIN_ROWS || cols > R::DATA_TABLE_MIN_COLS || rows * cols > R::DATA_TABLE_MIN_CELLS
}

