#!/usr/bin/python3
"""Subset Noto Sans CJK SC (Debian's fonts-noto-cjk) to what Butler Rounds shows,
as two files, so a first visit on a slow line downloads only the first.

FIRST (fetched with the program): printable ASCII and Latin-1, general and CJK
punctuation, full-width forms, every character of the UI string catalogue
(app/i18n/strings*.inc, every workflow's included) and the 2,500 common
simplified characters of Dear ImGui's GetGlyphRangesChineseSimplifiedCommon
(read from IMGUI_DRAW, imgui_draw.cpp): exactly the atlas's base set
(shell/fonts/font_atlas.cpp), so what the first screen draws is all in it.
MORE (fetched the first time a character needs it): the rest of GB2312 and
rare characters of people's names outside it, so any name or note a butler
types in simplified Chinese renders, none as a box.
Hinting and layout tables go: ImGui draws glyphs by codepoint with
stb_truetype and needs neither.

Run with Debian's /usr/bin/python3 (python3-fonttools lives there).
usage: subset_font.py FIRST.otf MORE.otf IMGUI_DRAW CATALOGUE...
"""
import re
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


# Characters of given names outside GB2312 that registers meet (the 通用规范汉字表
# admits them; GB2312 of 1980 does not).
RARE_NAME_CHARS = (
    "堃喆玥昇珺琨璟彧赟燊淏晞祎炜玮琦瑄瑾璇玙珏琬婧娅姝妍婕嫣昱晟晗皓翀翚翎"
    "钰铧锃镕锴镠铖铠洺沅泓浛渝湉溦潆澍濛焜煜熠燚犇骞骐骙鹍鹏鹞麒韬頔颀颢"
    "懿嬿媛婳嫚姮妘姗姞娆嫱嬛奕弈彤彬彭翊翾羿诩谞谦谧邝邡郗郜鄞酆钜钤钦钧"
    "垚垣埕堉塬墉壵峣峤崑嵘嵩嶙巍昶晁晏晖晔暐暄暻曦曜杲杳枫栎栩桢梓楠榕槿"
    "橦檀櫆沣沨涴淇淼渟湛溥滢漪潍澄瀚灏炅炘炳烨焓焱煊熙燏玓玠玢玧珂珅珈珩"
    "珮琇琪琰瑀瑗瑛瑜瑞瑢璁璘璞瓒瓘甯畇睿瞳砚砺祐祯禛禧禹秭穆窦竑笙筠箐篪"
    "籽紫綦缇缙羲翥耘聿胤腾舜芃芊芮苒茜荃荟莘菀萱蓁蔚蕤薇藜蘅虓蛰衎衿袆裕"
    "觐誉豫贇赉赜跃轩辰逍遥邈郅酩钊钏钐钺铎铭锋锐锜锟锦镛镜阗阳雯霁霈霏"
    "韡颉颖飏馥骅骏骢鸿鹤黛鼐龑凇凯劼勰叡圳坤垲堇墨妤姿娉娟婉婵嫘孜宸宥宬"
    "尧崧嵛弢彦徵忞恺恬悦惇惟慜懋戬晅晢晳暎曌棣楷樾橙檬欣歆湲滟潇澜瀛炀"
)


def common_chars(imgui_draw):
    """The 2,500 characters of ImGui's ChineseSimplifiedCommon ranges."""
    text = open(imgui_draw, encoding="utf-8").read()
    body = re.search(r"accumulative_offsets_from_0x4E00\[\]\s*=\s*\{(.*?)\};", text, re.S)
    if not body:
        sys.exit("subset_font: no accumulative_offsets_from_0x4E00 in " + imgui_draw)
    chars, code = set(), 0x4E00
    for offset in re.findall(r"\d+", body.group(1)):
        code += int(offset)
        chars.add(chr(code))
    return chars


def catalogue_chars(path):
    with open(path, encoding="utf-8") as f:
        return set(f.read())


def save_subset(chars, out):
    codepoints = sorted(ord(c) for c in chars if c.isprintable() or c in " \u3000")
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


def main():
    first_out, more_out, imgui_draw, catalogues = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    first = common_chars(imgui_draw)
    for catalogue in catalogues:
        first |= catalogue_chars(catalogue)
    first |= {chr(c) for c in range(0x20, 0x7F)} | {chr(c) for c in range(0xA0, 0x100)}
    first |= {chr(c) for c in range(0x2000, 0x206F)}  # general punctuation
    first |= {chr(c) for c in range(0x3000, 0x303F)}  # CJK punctuation
    first |= {chr(c) for c in range(0xFF00, 0xFFEF)}  # full-width forms
    first |= {"\u2190", "\u2191", "\u2192", "\u2193", "\u2713", "\u2715", "\u25b2", "\u25bc", "\u25cf", "\u2026"}
    more = (gb2312_chars() | set(RARE_NAME_CHARS)) - first
    save_subset(first, first_out)
    save_subset(more, more_out)


if __name__ == "__main__":
    main()
