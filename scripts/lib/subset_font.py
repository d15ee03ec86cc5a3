#!/usr/bin/python3
"""Subset Noto Sans CJK SC (Debian's fonts-noto-cjk) to what Butler Rounds shows.

Kept: printable ASCII and Latin-1, general and CJK punctuation, full-width forms,
every character of GB2312 (so any name or note a butler types in simplified
Chinese renders once the atlas adds it), and every character in the UI string
catalogue (app/i18n/strings.inc). Hinting and layout tables go: ImGui draws
glyphs by codepoint with stb_truetype and needs neither.

Run with Debian's /usr/bin/python3 (python3-fonttools lives there).
usage: subset_font.py OUT.otf CATALOGUE...   (strings.inc and the files it includes)
"""
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
SC_INDEX = 2  # JP, KR, SC, TC, HK: the collection's order


def gb2312_chars():
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def catalogue_chars(path):
    with open(path, encoding="utf-8") as f:
        return set(f.read())


def main():
    out, catalogues = sys.argv[1], sys.argv[2:]
    chars = gb2312_chars()
    for catalogue in catalogues:
        chars |= catalogue_chars(catalogue)
    chars |= {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    chars |= {chr(c) for c in range(0x2000, 0x206F)}  # general punctuation
    chars |= {chr(c) for c in range(0x3000, 0x303F)}  # CJK punctuation
    chars |= {chr(c) for c in range(0xFF00, 0xFFEF)}  # full-width forms
    chars |= {"\u2190", "\u2191", "\u2192", "\u2193", "\u2713", "\u2715", "\u25b2", "\u25bc", "\u25cf", "\u2026"}
    codepoints = sorted(ord(c) for c in chars if c.isprintable() or c == " ")

    font = TTCollection(SOURCE).fonts[SC_INDEX]
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = False
    options.name_IDs = [1, 2, 4]
    options.notdef_outline = True
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "VORG", "vhea", "vmtx", "DSIG"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    font.save(out)
    print(f"subset_font: {len(codepoints)} characters -> {out}")


if __name__ == "__main__":
    main()
