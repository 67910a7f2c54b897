//! Readability's `_cleanConditionally`, on totals.

use super::agg::Agg;
use super::Attempt;
use crate::doc::{flag, El};
use crate::html::tags::Tag;
use crate::rules as R;

/// Readability's `_cleanConditionally` for one element: the reason to
/// remove it, or `None` to keep it.
pub(super) fn clean_conditionally(els: &[El], agg: &[Agg], i: usize, at: Attempt) -> Option<String> {
    let e = &els[i];
    let a = &agg[i];
    let mut is_list = matches!(e.tag, Tag::UL | Tag::OL);
    if !is_list && a.text > 0 {
        is_list = a.li_text as f32 / a.text as f32 > R::LIST_TEXT_SHARE;
    }
    if e.tag == Tag::TABLE && a.data_tables > 0 {
        return None;
    }
    if a.data_tables > 0 {
        return None;
    }
    let weight = if at.weight_classes { e.weight as f32 } else { 0.0 };
    if weight < 0.0 {
        return Some("negative class weight".into());
    }
    if a.commas >= R::CONDITIONAL_KEEP_COMMAS {
        return None;
    }
    let pc = a.p as f32;
    let img = a.img as f32;
    let li = a.li as i32 - R::CONDITIONAL_LI_SLACK;
    let input = a.input;
    let heading_density = if a.text == 0 { 0.0 } else { a.heading_text as f32 / a.text as f32 };
    let embeds = a.embed;
    let ld = a.link_density();
    let text_density = if a.text == 0 { 0.0 } else { a.textish_text as f32 / a.text as f32 };
    let in_figure = e.flags & flag::IN_FIGURE != 0;
    let len = a.text;
    let mut why: Option<&str> = None;
    if !in_figure && a.img > R::CONDITIONAL_MAX_IMAGES && pc / img < R::CONDITIONAL_MIN_P_PER_IMAGE {
        why = Some("more images than paragraphs");
    } else if !is_list && li > a.p as i32 {
        why = Some("more list items than paragraphs");
    } else if input > a.p / R::CONDITIONAL_P_PER_INPUT {
        why = Some("form inputs");
    } else if !is_list && !in_figure && heading_density < R::CONDITIONAL_HEADING_DENSITY && len < R::CONDITIONAL_MIN_CHARS && (a.img == 0 || a.img > R::CONDITIONAL_SHORT_LINKS_MAX_IMAGES) && ld > 0.0 {
        why = Some("short block of links");
    } else if !is_list && weight < R::CONDITIONAL_HIGH_WEIGHT && ld > R::CONDITIONAL_LOW_WEIGHT_LINK_DENSITY {
        why = Some("high link density");
    } else if weight >= R::CONDITIONAL_HIGH_WEIGHT && ld > R::CONDITIONAL_HIGH_WEIGHT_LINK_DENSITY {
        why = Some("high link density");
    } else if (embeds == 1 && len < R::CONDITIONAL_EMBED_MIN_CHARS) || embeds > 1 {
        why = Some("embeds with little text");
    } else if a.img == 0 && text_density == 0.0 {
        why = Some("no text blocks");
    }
    let why = why?;
    // Lists of images stay (a gallery `<ul>` of figures).
    if is_list && a.img > 0 && a.img >= a.li {
        return None;
    }
    Some(format!("conditional clean: {why}"))
}

