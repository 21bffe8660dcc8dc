#!/usr/bin/env node
/*
 * Local Telegram Bot API emulator for end-to-end tests of python-telegram-bot (v22) bots.
 *
 * Based on the npm package telegram-test-api@4.2.1: its HTTP stack (express, pinned through the
 * package's own dependency tree) and its client API (POST /sendMessage, /sendCommand,
 * /sendCallback, /getUpdates, /getUpdatesHistory with the same request shapes, so the package's
 * own TelegramClient works against this server). The package's Bot API routes are too far from
 * the real API for PTB v22 (see README.md: no is_bot, dates in ms, null results, HTTP 500 for
 * common methods, busy polling, no offset semantics, no files, ...), so the Bot API side is
 * implemented here.
 *
 * Usage: node launcher.js [--host 127.0.0.1] [--port 0] [--token 123:TEST]
 *                         [--bot-username TestNameBot] [--bot-first-name "Test Bot"]
 *                         [--max-long-poll 50] [--lenient-parse] [--watch-stdin] [--verbose]
 * When ready it prints one JSON line on stdout: {"port": 12345, "host": "127.0.0.1", "pid": 42}
 * Logs go to stderr. SIGTERM/SIGINT (and, with --watch-stdin, EOF on stdin) stop it.
 */

'use strict';

const http = require('http');
const https = require('https');
const path = require('path');
const crypto = require('crypto');

const TTA_PACKAGE = require('telegram-test-api/package.json');
const TTA_DIR = path.dirname(require.resolve('telegram-test-api/package.json'));
// express is telegram-test-api's own (pinned) dependency; resolve it through the package.
// eslint-disable-next-line import/no-dynamic-require
const express = require(require.resolve('express', { paths: [TTA_DIR] }));

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const opts = {
    host: '127.0.0.1',
    port: 0,
    token: '123:TEST',
    botUsername: 'TestNameBot',
    botFirstName: 'Test Bot',
    maxLongPoll: 50,
    lenientParse: false,
    watchStdin: false,
    verbose: false,
  };
  const args = [];
  argv.forEach((a) => {
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) args.push(a.slice(0, eq), a.slice(eq + 1)); else args.push(a);
  });
  for (let i = 0; i < args.length; i += 1) {
    const a = args[i];
    const next = () => {
      i += 1;
      if (i >= args.length) throw new Error(`missing value for ${a}`);
      return args[i];
    };
    switch (a) {
      case '--host': opts.host = next(); break;
      case '--port': opts.port = Number(next()); break;
      case '--token': opts.token = next(); break;
      case '--bot-username': opts.botUsername = next(); break;
      case '--bot-first-name': opts.botFirstName = next(); break;
      case '--max-long-poll': opts.maxLongPoll = Number(next()); break;
      case '--lenient-parse': opts.lenientParse = true; break;
      case '--watch-stdin': opts.watchStdin = true; break;
      case '--verbose': opts.verbose = true; break;
      case '-h':
      case '--help':
        process.stdout.write(`${__filename.split(path.sep).pop()}: see header comment\n`);
        process.exit(0);
        break;
      default: throw new Error(`unknown argument ${a}`);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('bad --port');
  return opts;
}

const OPTS = parseArgs(process.argv.slice(2));
const log = (...a) => { if (OPTS.verbose) process.stderr.write(`[emulator] ${a.join(' ')}\n`); };

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const TOKEN_RE = /^\d+:[A-Za-z0-9_-]+$/;
const nowSec = () => Math.floor(Date.now() / 1000);
const clone = (o) => (o === undefined ? undefined : JSON.parse(JSON.stringify(o)));
const sleep = (ms) => new Promise((r) => { setTimeout(r, ms); });

class ApiError extends Error {
  constructor(code, description, parameters) {
    super(description);
    this.code = code;
    this.description = description;
    this.parameters = parameters;
  }
}
const badRequest = (d) => new ApiError(400, `Bad Request: ${d}`);

function isLoopbackHost(host) {
  const h = String(host).replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

// Parameters: PTB v22 sends application/x-www-form-urlencoded (or multipart/form-data when it
// uploads files) where every non-string value is a JSON string. Other clients send JSON.
const FREE_TEXT_PARAMS = new Set([
  'text', 'caption', 'data', 'query', 'description', 'short_description', 'name', 'title',
  'question', 'explanation', 'emoji', 'payload', 'message', 'first_name', 'last_name',
  'switch_pm_text', 'next_offset', 'start_parameter', 'secret_token', 'callback_query_id',
  'inline_message_id', 'file_id', 'url', 'parse_mode', 'action', 'language_code',
  'business_connection_id', 'message_effect_id', 'custom_emoji_id',
]);
const INT_PARAMS = new Set([
  'chat_id', 'from_chat_id', 'message_id', 'user_id', 'offset', 'limit', 'timeout',
  'message_thread_id', 'reply_to_message_id', 'cache_time', 'until_date', 'duration', 'width',
  'height', 'length', 'sender_chat_id', 'max_connections', 'open_period', 'close_date',
  'direct_messages_topic_id', 'star_count', 'video_start_timestamp',
]);
const BOOL_PARAM_RE = /^(is_|disable_|protect_|allow_|show_|drop_|has_|can_|prefer_|supports_|only_|revoke_|need_|send_|hide_|ignore_|remove_|selective$|resize_keyboard$|one_time_keyboard$|persistent$|force_reply$)/;

function normalizeParams(raw) {
  const params = {};
  Object.entries(raw || {}).forEach(([key, value]) => {
    let v = value;
    if (Array.isArray(v) && typeof v[0] === 'string' && !FREE_TEXT_PARAMS.has(key)) v = v[v.length - 1];
    if (typeof v === 'string' && !FREE_TEXT_PARAMS.has(key)) {
      const t = v.trim();
      if ((t.startsWith('{') || t.startsWith('[')) && key !== 'chat_id') {
        try {
          v = JSON.parse(t);
        } catch (e) {
          throw badRequest(`can't parse ${key} JSON object`);
        }
      } else if (INT_PARAMS.has(key) && /^-?\d+$/.test(t)) {
        v = Number(t);
      } else if ((t === 'true' || t === 'false') && BOOL_PARAM_RE.test(key)) {
        v = t === 'true';
      }
    }
    params[key] = v;
  });
  return params;
}

// Minimal multipart/form-data parser (PTB uploads InputFiles this way).
function parseMultipart(buf, contentType) {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
  if (!m) throw badRequest('multipart boundary is missing');
  const delim = Buffer.from(`--${m[1] || m[2].trim()}`);
  const fields = {};
  const files = {};
  let pos = buf.indexOf(delim);
  while (pos !== -1) {
    let start = pos + delim.length;
    if (buf.slice(start, start + 2).toString() === '--') break;
    if (buf.slice(start, start + 2).toString() === '\r\n') start += 2;
    const next = buf.indexOf(delim, start);
    if (next === -1) break;
    let end = next;
    if (buf.slice(end - 2, end).toString() === '\r\n') end -= 2;
    const part = buf.slice(start, end);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.slice(0, headerEnd).toString('utf8');
      const body = part.slice(headerEnd + 4);
      const disp = /content-disposition:[^\r\n]*/i.exec(headers);
      const name = disp && /\bname="([^"]*)"/i.exec(disp[0]);
      const filename = disp && /\bfilename="([^"]*)"/i.exec(disp[0]);
      const ctype = /content-type:\s*([^\r\n]+)/i.exec(headers);
      if (name) {
        if (filename) {
          files[name[1]] = {
            filename: filename[1], contentType: ctype ? ctype[1].trim() : 'application/octet-stream', data: body,
          };
        } else {
          fields[name[1]] = body.toString('utf8');
        }
      }
    }
    pos = next;
  }
  return { fields, files };
}

// ---------------------------------------------------------------------------------------------
// Formatting: parse_mode HTML / MarkdownV2 / Markdown -> plain text + entities (UTF-16 offsets,
// which is what JS string indices are), with Telegram's error messages.
// ---------------------------------------------------------------------------------------------

const byteOffset = (src, idx) => Buffer.byteLength(src.slice(0, idx), 'utf8');
const parseFail = (msg) => badRequest(`can't parse entities: ${msg}`);

function decodeHtmlEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot);/g, (all, e) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      if (code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) return String.fromCodePoint(code);
      return all;
    }
    return { lt: '<', gt: '>', amp: '&', quot: '"' }[e];
  });
}

function parseHtml(src) {
  let out = '';
  const entities = [];
  const stack = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot);/.exec(src.slice(i, i + 16));
      if (m) {
        out += decodeHtmlEntities(m[0]);
        i += m[0].length;
      } else {
        out += c;
        i += 1;
      }
    } else if (c !== '<') {
      out += c;
      i += 1;
    } else {
      const begin = i;
      const end = src.indexOf('>', i);
      if (end === -1) throw parseFail(`Unclosed start tag at byte offset ${byteOffset(src, begin)}`);
      const inner = src.slice(i + 1, end);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        if (!stack.length) throw parseFail(`Unexpected end tag at byte offset ${byteOffset(src, begin)}`);
        const top = stack.pop();
        if (name !== top.tag) {
          throw parseFail(`Unmatched end tag at byte offset ${byteOffset(src, begin)}, expected "</${top.tag}>", found "</${name}>"`);
        }
        if (top.entity && out.length > top.entity.offset) {
          top.entity.length = out.length - top.entity.offset;
          entities.push(top.entity);
        }
        i = end + 1;
      } else {
        const m = /^([a-zA-Z][a-zA-Z0-9-]*)(\s[\s\S]*)?$/.exec(inner);
        if (!m) throw parseFail(`Unsupported start tag "${inner}" at byte offset ${byteOffset(src, begin)}`);
        const tag = m[1].toLowerCase();
        const attrs = {};
        const attrRe = /([a-zA-Z_-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;
        let am = attrRe.exec(m[2] || '');
        while (am) {
          const val = am[2] ?? am[3] ?? am[4];
          attrs[am[1].toLowerCase()] = val === undefined ? '' : decodeHtmlEntities(val);
          am = attrRe.exec(m[2] || '');
        }
        const offset = out.length;
        let entity = null;
        switch (tag) {
          case 'b': case 'strong': entity = { type: 'bold' }; break;
          case 'i': case 'em': entity = { type: 'italic' }; break;
          case 'u': case 'ins': entity = { type: 'underline' }; break;
          case 's': case 'strike': case 'del': entity = { type: 'strikethrough' }; break;
          case 'tg-spoiler': entity = { type: 'spoiler' }; break;
          case 'span':
            if (attrs.class !== 'tg-spoiler') throw parseFail(`Tag "span" must have class "tg-spoiler" at byte offset ${byteOffset(src, begin)}`);
            entity = { type: 'spoiler' };
            break;
          case 'a': {
            const href = attrs.href || '';
            const um = /^tg:\/\/user\?id=(\d+)$/.exec(href);
            if (um) entity = { type: 'text_mention', user: { id: Number(um[1]), is_bot: false, first_name: '' } };
            else if (href) entity = { type: 'text_link', url: href };
            break;
          }
          case 'code': {
            const top = stack[stack.length - 1];
            if (top && top.tag === 'pre' && /^language-/.test(attrs.class || '')) {
              top.entity.language = attrs.class.slice('language-'.length);
            } else {
              entity = { type: 'code' };
            }
            break;
          }
          case 'pre': entity = { type: 'pre' }; break;
          case 'blockquote': entity = { type: 'expandable' in attrs ? 'expandable_blockquote' : 'blockquote' }; break;
          case 'tg-emoji':
            if (!attrs['emoji-id']) throw parseFail(`Custom emoji entity must have a custom emoji identifier at byte offset ${byteOffset(src, begin)}`);
            entity = { type: 'custom_emoji', custom_emoji_id: attrs['emoji-id'] };
            break;
          default:
            throw parseFail(`Unsupported start tag "${tag}" at byte offset ${byteOffset(src, begin)}`);
        }
        if (entity) entity.offset = offset;
        stack.push({ tag, entity });
        i = end + 1;
      }
    }
  }
  if (stack.length) {
    throw parseFail(`Can't find end tag corresponding to start tag "${stack[stack.length - 1].tag}"`);
  }
  return { text: out, entities };
}

const MDV2_RESERVED = '_*[]()~`>#+-=|{}.!';
const MDV2_NAMES = {
  bold: 'Bold', italic: 'Italic', underline: 'Underline', strikethrough: 'Strikethrough', spoiler: 'Spoiler', code: 'Code', pre: 'Pre', text_link: 'TextUrl', custom_emoji: 'CustomEmoji',
};

function parseMarkdownV2(src) {
  let out = '';
  const entities = [];
  const stack = [];
  let quote = null; // {offset, expandable}
  const closeQuote = () => {
    if (quote && out.length > quote.offset) {
      entities.push({ type: quote.expandable ? 'expandable_blockquote' : 'blockquote', offset: quote.offset, length: out.length - quote.offset });
    }
    quote = null;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    const top = stack[stack.length - 1];
    const inCode = top && (top.type === 'code' || top.type === 'pre');
    const lineStart = i === 0 || src[i - 1] === '\n';
    if (c === '\\' && i + 1 < src.length && src.charCodeAt(i + 1) > 0 && src.charCodeAt(i + 1) <= 126) {
      out += src[i + 1];
      i += 2;
    } else if (!inCode && lineStart && !stack.length && (c === '>' || src.startsWith('**>', i))) {
      const expandable = c !== '>';
      if (!quote) quote = { offset: out.length, expandable };
      i += expandable ? 3 : 1;
    } else if (c === '\n' && quote && !stack.length && src[i + 1] !== '>') {
      closeQuote();
      out += c;
      i += 1;
    } else if (!inCode && quote && quote.expandable && src.startsWith('||', i) && (i + 2 === src.length || src[i + 2] === '\n') && !stack.length) {
      i += 2; // end marker of an expandable block quotation
    } else if ((inCode ? '`' : MDV2_RESERVED).indexOf(c) === -1) {
      out += c;
      i += 1;
    } else {
      let isEnd = false;
      if (top) {
        switch (top.type) {
          case 'bold': isEnd = c === '*'; break;
          case 'italic': isEnd = c === '_' && src[i + 1] !== '_'; break;
          case 'underline': isEnd = c === '_' && src[i + 1] === '_'; break;
          case 'strikethrough': isEnd = c === '~'; break;
          case 'spoiler': isEnd = c === '|' && src[i + 1] === '|'; break;
          case 'code': isEnd = c === '`'; break;
          case 'pre': isEnd = src.startsWith('```', i); break;
          case 'text_link': case 'custom_emoji': isEnd = c === ']'; break;
          default: break;
        }
        // "___italic underline_\r__": an italic end right before an underline end
        if (!isEnd && top.type === 'italic' && c === '_' && src[i + 1] === '_' && stack.length >= 2
          && stack[stack.length - 2].type === 'underline') isEnd = true;
      }
      const beginByte = byteOffset(src, i);
      if (!isEnd) {
        let type;
        let language;
        switch (c) {
          case '_':
            if (src[i + 1] === '_') { type = 'underline'; i += 1; } else type = 'italic';
            break;
          case '*': type = 'bold'; break;
          case '~': type = 'strikethrough'; break;
          case '|':
            if (src[i + 1] !== '|') throw parseFail(`Character '|' is reserved and must be escaped with the preceding '\\'`);
            type = 'spoiler';
            i += 1;
            break;
          case '[': type = 'text_link'; break;
          case '`':
            if (src.startsWith('```', i)) {
              type = 'pre';
              i += 2;
              const nl = src.indexOf('\n', i + 1);
              const tick = src.indexOf('`', i + 1);
              if (nl !== -1 && (tick === -1 || nl < tick)) {
                const lang = src.slice(i + 1, nl);
                if (lang && !/\s/.test(lang)) language = lang;
                i = nl;
              }
            } else type = 'code';
            break;
          case '!':
            if (src[i + 1] !== '[') throw parseFail(`Character '!' is reserved and must be escaped with the preceding '\\'`);
            type = 'custom_emoji';
            i += 1;
            break;
          default:
            throw parseFail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
        }
        if (stack.some((e) => e.type === type)) throw parseFail(`Can't use the same entity type nested at byte offset ${beginByte}`);
        stack.push({
          type, offset: out.length, byte: beginByte, language,
        });
        i += 1;
      } else {
        stack.pop();
        const entity = { type: top.type, offset: top.offset, length: out.length - top.offset };
        let skip = entity.length === 0;
        switch (top.type) {
          case 'underline': case 'spoiler': i += 2; break;
          case 'pre': i += 3; if (top.language) entity.language = top.language; break;
          case 'text_link': case 'custom_emoji': {
            i += 1;
            let url = '';
            if (src[i] === '(') {
              i += 1;
              let closed = false;
              while (i < src.length) {
                if (src[i] === '\\' && i + 1 < src.length) { url += src[i + 1]; i += 2; } else if (src[i] === ')') { closed = true; i += 1; break; } else { url += src[i]; i += 1; }
              }
              if (!closed) throw parseFail(`Can't find end of a URL at byte offset ${byteOffset(src, i)}`);
            } else {
              url = out.slice(top.offset);
            }
            if (top.type === 'custom_emoji') {
              const em = /^tg:\/\/emoji\?id=(\d+)$/.exec(url);
              if (!em) throw parseFail('Custom emoji entity must contain a tg://emoji URL');
              entity.custom_emoji_id = em[1];
            } else {
              const um = /^tg:\/\/user\?id=(\d+)$/.exec(url);
              if (um) { entity.type = 'text_mention'; entity.user = { id: Number(um[1]), is_bot: false, first_name: '' }; } else if (url) entity.url = url; else skip = true;
            }
            break;
          }
          default: i += 1; break;
        }
        if (!skip) entities.push(entity);
      }
    }
  }
  if (stack.length) {
    const top = stack[stack.length - 1];
    throw parseFail(`Can't find end of ${MDV2_NAMES[top.type] || top.type} entity at byte offset ${top.byte}`);
  }
  closeQuote();
  return { text: out, entities };
}

function parseMarkdownLegacy(src) {
  let out = '';
  const entities = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\' && '_*`['.includes(src[i + 1] || '')) {
      out += src[i + 1];
      i += 2;
    } else if (!'_*`['.includes(c)) {
      out += c;
      i += 1;
    } else {
      const beginByte = byteOffset(src, i);
      const offset = out.length;
      let endChar = c;
      let type = { _: 'italic', '*': 'bold', '`': 'code', '[': 'text_link' }[c];
      let language;
      i += 1;
      if (c === '[') endChar = ']';
      if (c === '`' && src.startsWith('``', i)) {
        type = 'pre';
        endChar = '```';
        i += 2;
        const nl = src.indexOf('\n', i);
        const close = src.indexOf('```', i);
        if (nl !== -1 && (close === -1 || nl < close)) {
          const lang = src.slice(i, nl);
          if (lang && !/\s/.test(lang)) { language = lang; i = nl + 1; }
        }
      }
      const end = src.indexOf(endChar, i);
      if (end === -1) throw parseFail(`Can't find end of the entity starting at byte offset ${beginByte}`);
      out += src.slice(i, end);
      i = end + endChar.length;
      const entity = { type, offset, length: out.length - offset };
      if (language) entity.language = language;
      if (type === 'text_link') {
        let url = '';
        if (src[i] === '(') {
          const close = src.indexOf(')', i);
          if (close === -1) throw parseFail(`Can't find end of a URL at byte offset ${byteOffset(src, i)}`);
          url = src.slice(i + 1, close);
          i = close + 1;
        }
        const um = /^tg:\/\/user\?id=(\d+)$/.exec(url);
        if (um) { entity.type = 'text_mention'; entity.user = { id: Number(um[1]), is_bot: false, first_name: '' }; } else entity.url = url;
        if (!url) continue; // eslint-disable-line no-continue
      }
      if (entity.length > 0) entities.push(entity);
    }
  }
  return { text: out, entities };
}

// Entities Telegram detects by itself in plain text (bot commands, mentions, URLs, hashtags).
function autoEntities(text) {
  const found = [];
  const add = (re, type, fix) => {
    re.lastIndex = 0;
    let m = re.exec(text);
    while (m) {
      let s = m[0];
      if (fix) s = fix(s);
      if (s.length) found.push({ type, offset: m.index, length: s.length });
      m = re.exec(text);
    }
  };
  add(/(?<![\w/])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?(?![\w/@])/g, 'bot_command');
  add(/(?<![\w@/])@[A-Za-z0-9_]{3,32}(?![\w@])/g, 'mention');
  add(/(?<![\w@])(?:https?:\/\/|www\.)[^\s<>"]+/gi, 'url', (s) => s.replace(/[.,;:!?)\]'"]+$/, ''));
  add(/(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu, 'hashtag');
  found.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const result = [];
  let lastEnd = -1;
  found.forEach((e) => { if (e.offset >= lastEnd) { result.push(e); lastEnd = e.offset + e.length; } });
  return result;
}

function sortEntities(entities) {
  return entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

// Telegram strips leading/trailing whitespace from texts; entities are shifted/clipped.
function trimText(text, entities) {
  const lead = /^[ \t\r\n]*/.exec(text)[0].length;
  const trail = /[ \t\r\n]*$/.exec(text.slice(lead))[0].length;
  const newText = text.slice(lead, text.length - trail);
  const out = [];
  entities.forEach((e) => {
    const start = Math.max(e.offset - lead, 0);
    const end = Math.min(e.offset + e.length - lead, newText.length);
    if (end > start) out.push({ ...e, offset: start, length: end - start });
  });
  return { text: newText, entities: out };
}

function formatText(rawText, parseMode, explicitEntities, { what = 'text', limit = 4096 } = {}) {
  if (rawText === undefined || rawText === null) return { text: undefined, entities: undefined };
  let text = String(rawText);
  let entities = [];
  const mode = (parseMode || '').toLowerCase();
  if (Array.isArray(explicitEntities) && explicitEntities.length) {
    entities = clone(explicitEntities);
  } else if (mode) {
    let parsed;
    try {
      if (mode === 'html') parsed = parseHtml(text);
      else if (mode === 'markdownv2') parsed = parseMarkdownV2(text);
      else if (mode === 'markdown') parsed = parseMarkdownLegacy(text);
      else throw badRequest(`unsupported parse_mode`);
    } catch (e) {
      // --lenient-parse: keep the raw text instead of answering "can't parse entities"
      if (!OPTS.lenientParse || !(e instanceof ApiError) || !/can't parse entities/.test(e.description)) throw e;
      parsed = { text, entities: [] };
    }
    ({ text, entities } = parsed);
  }
  ({ text, entities } = trimText(text, entities));
  if (what === 'text' && !text.length) throw badRequest('message text is empty');
  if (text.length > limit) throw badRequest(what === 'text' ? 'message is too long' : 'message caption is too long');
  // Telegram also detects commands, mentions, URLs and hashtags outside other entities.
  const covered = (e) => entities.some((x) => e.offset < x.offset + x.length && x.offset < e.offset + e.length);
  autoEntities(text).forEach((e) => { if (!covered(e)) entities.push(e); });
  return { text, entities: sortEntities(entities) };
}

// ---------------------------------------------------------------------------------------------
// Reply markup validation (the checks Telegram does that bots commonly trip over)
// ---------------------------------------------------------------------------------------------

const INLINE_ACTIONS = ['url', 'callback_data', 'web_app', 'login_url', 'switch_inline_query', 'switch_inline_query_current_chat', 'switch_inline_query_chosen_chat', 'copy_text', 'callback_game', 'pay'];

function validateReplyMarkup(rm) {
  if (rm === undefined || rm === null || rm === '') return undefined;
  if (typeof rm !== 'object' || Array.isArray(rm)) throw badRequest("can't parse reply keyboard markup JSON object");
  if ('inline_keyboard' in rm) {
    const kb = rm.inline_keyboard;
    if (!Array.isArray(kb) || kb.some((row) => !Array.isArray(row))) throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    kb.forEach((row) => row.forEach((btn) => {
      if (!btn || typeof btn !== 'object' || typeof btn.text !== 'string') throw badRequest("can't parse inline keyboard button: Field \"text\" must be of type String");
      const actions = INLINE_ACTIONS.filter((k) => btn[k] !== undefined);
      if (!actions.length) throw badRequest("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard");
      if (btn.callback_data !== undefined) {
        const n = Buffer.byteLength(String(btn.callback_data), 'utf8');
        if (n < 1 || n > 64) throw badRequest('BUTTON_DATA_INVALID');
      }
      if (btn.url !== undefined && !String(btn.url).trim()) throw badRequest("inline keyboard button URL '' is invalid: Wrong HTTP URL");
    }));
  } else if ('keyboard' in rm) {
    const kb = rm.keyboard;
    if (!Array.isArray(kb) || kb.some((row) => !Array.isArray(row))) throw badRequest('field "keyboard" of the ReplyKeyboardMarkup must be an Array of Arrays');
  }
  return rm;
}
const inlineOnly = (rm) => (rm && rm.inline_keyboard ? rm : undefined);

// ---------------------------------------------------------------------------------------------
// State
// ---------------------------------------------------------------------------------------------

let GLOBAL_SEQ = 0; // monotonically increasing across bots and resets
const nextSeq = () => { GLOBAL_SEQ += 1; return GLOBAL_SEQ; };
let UPDATE_ID = 0; // monotonically increasing across resets so a running bot's offset stays valid
let FILE_COUNTER = 0;
let CALLBACK_COUNTER = 0;

const DEFAULT_ALLOWED = new Set(['message', 'edited_message', 'channel_post', 'edited_channel_post', 'business_connection', 'business_message', 'edited_business_message', 'deleted_business_messages', 'inline_query', 'chosen_inline_result', 'callback_query', 'shipping_query', 'pre_checkout_query', 'purchased_paid_media', 'poll', 'poll_answer', 'my_chat_member', 'chat_join_request', 'chat_boost', 'removed_chat_boost']);
const CHAT_ACTIONS = new Set(['typing', 'upload_photo', 'record_video', 'upload_video', 'record_voice', 'upload_voice', 'upload_document', 'choose_sticker', 'find_location', 'record_video_note', 'upload_video_note']);
const MAX_LOG = 20000;

class BotState {
  constructor(token) {
    this.token = token;
    this.botId = Number(token.split(':')[0]);
    this.config = {
      username: OPTS.botUsername, first_name: OPTS.botFirstName, can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false,
    };
    this.eventWaiters = new Set();
    this.reset();
  }

  reset() {
    (this.updateWaiters || []).forEach((w) => w.finish([]));
    this.updates = [];
    this.updateWaiters = [];
    this.allowedUpdates = null;
    this.webhook = null;
    this.chats = new Map(); // chatId -> {chat, nextId, messages: Map(id -> record)}
    this.users = new Map();
    this.events = [];
    this.calls = [];
    this.callbacks = new Map();
    this.files = new Map();
    this.filePaths = new Map();
    this.botSettings = new Map(); // commands, menu buttons, names, descriptions, ...
    this.faults = [];
    this.chatMembers = new Map();
    this.notifyEvents();
  }

  get botUser() {
    return {
      id: this.botId, is_bot: true, first_name: this.config.first_name, username: this.config.username,
    };
  }

  // -- chats, users, messages ---------------------------------------------------------------
  rememberUser(user) {
    this.users.set(String(user.id), { ...(this.users.get(String(user.id)) || {}), ...user });
  }

  chatEntry(chatId, create = true) {
    let key = String(chatId);
    if (typeof chatId === 'string' && chatId.startsWith('@')) {
      const uname = chatId.slice(1).toLowerCase();
      const found = [...this.chats.values()].find((c) => (c.chat.username || '').toLowerCase() === uname);
      if (!found) throw badRequest('chat not found');
      return found;
    }
    if (!/^-?\d+$/.test(key)) throw badRequest('chat not found');
    key = String(Number(key));
    let entry = this.chats.get(key);
    if (!entry && create) {
      entry = { chat: defaultChat(Number(key), this.users.get(key)), nextId: 1, messages: new Map() };
      this.chats.set(key, entry);
    }
    if (!entry) throw badRequest('chat not found');
    return entry;
  }

  upsertChat(chat) {
    const entry = this.chatEntry(chat.id);
    entry.chat = { ...entry.chat, ...chat };
    return entry;
  }

  storeMessage(entry, message, meta) {
    const record = { message, deleted: false, ...meta };
    entry.messages.set(message.message_id, record);
    return record;
  }

  findMessage(chatId, messageId) {
    const entry = this.chatEntry(chatId, false);
    const rec = entry.messages.get(Number(messageId));
    if (!rec || rec.deleted) return null;
    return rec;
  }

  // -- updates ---------------------------------------------------------------------------------
  enqueueUpdate(update) {
    if (update.update_id === undefined) {
      UPDATE_ID += 1;
      update.update_id = UPDATE_ID;
    } else UPDATE_ID = Math.max(UPDATE_ID, update.update_id);
    const type = Object.keys(update).find((k) => k !== 'update_id');
    const allowed = this.allowedUpdates && this.allowedUpdates.length ? new Set(this.allowedUpdates) : DEFAULT_ALLOWED;
    if (!allowed.has(type)) {
      log(`dropping ${type} update (not in allowed_updates)`);
      return update;
    }
    this.updates.push(update);
    if (this.webhook) this.pumpWebhook();
    else setImmediate(() => this.serveUpdateWaiters());
    return update;
  }

  confirmUpdates(offset) {
    if (offset === undefined || offset === null || offset === 0) return;
    if (offset < 0) {
      this.updates = this.updates.slice(Math.max(this.updates.length + offset, 0));
    } else {
      this.updates = this.updates.filter((u) => u.update_id >= offset);
    }
  }

  serveUpdateWaiters() {
    if (!this.updates.length) return;
    this.updateWaiters.slice().forEach((w) => w.finish(clone(this.updates.slice(0, w.limit))));
  }

  async pumpWebhook() {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.webhook && this.updates.length) {
        const wh = this.webhook;
        const update = this.updates[0];
        let error = null;
        try {
          const status = await postJson(wh.url, update, wh.secret_token); // eslint-disable-line no-await-in-loop
          if (status < 200 || status > 299) error = `Wrong response from the webhook: ${status}`;
        } catch (e) {
          error = `Connection refused (${e.message})`;
        }
        if (this.webhook !== wh) continue; // eslint-disable-line no-continue
        if (!error) {
          if (this.updates[0] === update) this.updates.shift();
        } else {
          wh.last_error_date = nowSec();
          wh.last_error_message = error;
          await sleep(500); // eslint-disable-line no-await-in-loop
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  // -- timeline (what tests look at) ----------------------------------------------------------
  addEvent(ev) {
    const event = { seq: nextSeq(), time: Date.now(), ...clone(ev) };
    if (event.message && event.text === undefined) {
      event.text = event.message.text !== undefined ? event.message.text : event.message.caption;
    }
    this.events.push(event);
    if (this.events.length > MAX_LOG) this.events.splice(0, this.events.length - MAX_LOG);
    this.notifyEvents();
    return event;
  }

  addCall(call) {
    const entry = { seq: nextSeq(), time: Date.now(), ...call };
    this.calls.push(entry);
    if (this.calls.length > MAX_LOG) this.calls.splice(0, this.calls.length - MAX_LOG);
    this.notifyEvents();
    return entry;
  }

  notifyEvents() {
    if (!this.eventWaiters) return;
    [...this.eventWaiters].forEach((w) => w.check());
  }

  takeFault(method) {
    // '*' matches every method except getUpdates (a polling bot would consume it at random).
    const fault = this.faults.find((f) => f.remaining > 0 && ((f.method === '*' && method !== 'getUpdates') || f.method.toLowerCase() === method.toLowerCase()));
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }

  // -- files -----------------------------------------------------------------------------------
  addFile(kind, data, fileName, mimeType, extra = {}) {
    FILE_COUNTER += 1;
    const rand = crypto.randomBytes(18).toString('base64url');
    const prefix = {
      document: 'BQACAgIAAxkBAAI', photo: 'AgACAgIAAxkBAAI', audio: 'CQACAgIAAxkBAAI', video: 'BAACAgIAAxkBAAI', voice: 'AwACAgIAAxkBAAI', animation: 'CgACAgIAAxkBAAI', sticker: 'CAACAgIAAxkBAAI', video_note: 'DQACAgIAAxkBAAI',
    }[kind] || 'BQACAgIAAxkBAAI';
    const folder = {
      document: 'documents', photo: 'photos', audio: 'music', video: 'videos', voice: 'voice', animation: 'animations', sticker: 'stickers', video_note: 'video_notes',
    }[kind] || 'documents';
    const ext = (fileName && /\.[A-Za-z0-9]{1,8}$/.exec(fileName)) ? /\.[A-Za-z0-9]{1,8}$/.exec(fileName)[0] : (kind === 'photo' ? '.jpg' : '');
    const rec = {
      kind,
      file_id: `${prefix}${FILE_COUNTER}${rand}`,
      file_unique_id: `AgAD${crypto.randomBytes(6).toString('base64url')}`,
      file_path: `${folder}/file_${FILE_COUNTER}${ext}`,
      file_size: data.length,
      file_name: fileName,
      mime_type: mimeType,
      data,
      ...extra,
    };
    this.files.set(rec.file_id, rec);
    this.filePaths.set(rec.file_path, rec);
    return rec;
  }
}

function defaultChat(id, user) {
  if (id > 0) {
    const u = user || {};
    const chat = { id, type: 'private', first_name: u.first_name || `User${id}` };
    if (u.last_name) chat.last_name = u.last_name;
    if (u.username) chat.username = u.username;
    return chat;
  }
  if (id <= -1000000000000) return { id, type: 'supergroup', title: `Test Supergroup ${-id}` };
  return { id, type: 'group', title: `Test Group ${-id}` };
}

const BOTS = new Map();
function getBot(token) {
  let bot = BOTS.get(token);
  if (!bot) {
    bot = new BotState(token);
    BOTS.set(token, bot);
  }
  return bot;
}

function postJson(url, body, secretToken) {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const data = Buffer.from(JSON.stringify(body));
    const headers = { 'Content-Type': 'application/json', 'Content-Length': data.length };
    if (secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = secretToken;
    const mod = u.protocol === 'https:' ? https : http;
    const req = mod.request(u, {
      method: 'POST', headers, timeout: 10000, rejectUnauthorized: false,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end(data);
  });
}

// ---------------------------------------------------------------------------------------------
// Bot API methods
// ---------------------------------------------------------------------------------------------

function requireParam(params, name) {
  const v = params[name];
  if (v === undefined || v === null || v === '') throw badRequest(`${name} is empty`);
  return v;
}

function replyToMessage(bot, entry, params) {
  let rp = params.reply_parameters;
  if (!rp && params.reply_to_message_id) rp = { message_id: params.reply_to_message_id, allow_sending_without_reply: params.allow_sending_without_reply };
  if (!rp || !rp.message_id) return undefined;
  const targetChat = rp.chat_id !== undefined ? bot.chatEntry(rp.chat_id) : entry;
  const rec = targetChat.messages.get(Number(rp.message_id));
  if (!rec || rec.deleted) {
    if (rp.allow_sending_without_reply) return undefined;
    throw badRequest('message to be replied not found');
  }
  const reply = clone(rec.message);
  delete reply.reply_to_message;
  return reply;
}

function newBotMessage(bot, params, content) {
  const entry = bot.chatEntry(requireParam(params, 'chat_id'));
  const replyMarkup = validateReplyMarkup(params.reply_markup);
  const replyTo = replyToMessage(bot, entry, params);
  const message = {
    message_id: entry.nextId,
    from: bot.botUser,
    chat: clone(entry.chat),
    date: nowSec(),
  };
  if (params.message_thread_id) message.message_thread_id = params.message_thread_id;
  if (replyTo) message.reply_to_message = replyTo;
  Object.assign(message, content);
  if (params.has_spoiler) message.has_media_spoiler = true;
  if (params.protect_content) message.has_protected_content = true;
  if (inlineOnly(replyMarkup)) message.reply_markup = replyMarkup;
  entry.nextId += 1;
  bot.storeMessage(entry, message, { fromBot: true, replyMarkup });
  return { entry, message, replyMarkup };
}

function sanitizeParams(params) {
  const out = {};
  Object.entries(params).forEach(([k, v]) => {
    if (v && v.data instanceof Buffer) out[k] = { file_name: v.filename, mime_type: v.contentType, size: v.data.length };
    else out[k] = v;
  });
  return out;
}

function textContent(params) {
  const { text, entities } = formatText(params.text, params.parse_mode, params.entities, { what: 'text' });
  const content = { text };
  if (entities.length) content.entities = entities;
  if (params.link_preview_options && typeof params.link_preview_options === 'object') content.link_preview_options = params.link_preview_options;
  return content;
}

function captionContent(params) {
  if (params.caption === undefined || params.caption === null || params.caption === '') return {};
  const { text, entities } = formatText(params.caption, params.parse_mode, params.caption_entities, { what: 'caption', limit: 1024 });
  const content = {};
  if (text) content.caption = text;
  if (entities.length) content.caption_entities = entities;
  if (params.show_caption_above_media) content.show_caption_above_media = true;
  return content;
}

const MEDIA_KINDS = ['document', 'photo', 'audio', 'video', 'voice', 'animation', 'sticker', 'video_note'];

// Resolves an InputFile-ish parameter (upload, attach://name, file_id or URL) to a file record.
function resolveInputFile(bot, value, files, kind, params) {
  let upload = null;
  if (value && value.data instanceof Buffer) upload = value;
  else if (typeof value === 'string' && value.startsWith('attach://')) {
    upload = files[value.slice('attach://'.length)];
    if (!upload) throw badRequest(`file ${value} not found in the request`);
  }
  if (upload) {
    return bot.addFile(kind, upload.data, upload.filename, upload.contentType || 'application/octet-stream');
  }
  if (typeof value !== 'string' || !value) throw badRequest(`there is no ${kind} in the request`);
  const existing = bot.files.get(value);
  if (existing) return existing;
  if (/^https?:\/\//i.test(value)) {
    // The emulator does not fetch URLs (no network); it records an empty file for it.
    const name = decodeURIComponent(new URL(value).pathname.split('/').pop() || 'file');
    return bot.addFile(kind, Buffer.alloc(0), name, 'application/octet-stream', { source_url: value });
  }
  throw badRequest('wrong file identifier/HTTP URL specified');
}

function mediaObject(kind, rec, params) {
  const base = { file_id: rec.file_id, file_unique_id: rec.file_unique_id, file_size: rec.file_size };
  switch (kind) {
    case 'photo': return [{ ...base, width: 90, height: 90 }, { ...base, width: 800, height: 800 }];
    case 'sticker': return {
      ...base, width: 512, height: 512, type: 'regular', is_animated: false, is_video: false,
    };
    case 'video': case 'animation': return {
      ...base, width: params.width || 640, height: params.height || 480, duration: params.duration || 1, file_name: rec.file_name, mime_type: rec.mime_type,
    };
    case 'video_note': return { ...base, length: params.length || 240, duration: params.duration || 1 };
    case 'audio': return {
      ...base, duration: params.duration || 1, file_name: rec.file_name, mime_type: rec.mime_type, performer: params.performer, title: params.title,
    };
    case 'voice': return { ...base, duration: params.duration || 1, mime_type: rec.mime_type };
    default: return {
      ...base, file_name: rec.file_name, mime_type: rec.mime_type,
    };
  }
}

function sendMedia(kind) {
  return (bot, params, ctx) => {
    const rec = resolveInputFile(bot, params[kind], ctx.files, kind, params);
    const content = { [kind]: mediaObject(kind, rec, params), ...(kind === 'sticker' || kind === 'video_note' ? {} : captionContent(params)) };
    const { entry, message, replyMarkup } = newBotMessage(bot, params, content);
    ctx.event = {
      chat_id: entry.chat.id, direction: 'bot', kind: 'message', method: ctx.method, message_id: message.message_id, message, params: sanitizeParams(params), reply_markup: replyMarkup,
    };
    return message;
  };
}

function editTarget(bot, params) {
  if (params.inline_message_id) throw badRequest('MESSAGE_ID_INVALID');
  const rec = bot.findMessage(requireParam(params, 'chat_id'), requireParam(params, 'message_id'));
  if (!rec) throw badRequest('message to edit not found');
  if (!rec.fromBot) throw badRequest("message can't be edited");
  return rec;
}

function applyEdit(bot, rec, changes, params, ctx) {
  const before = JSON.stringify(rec.message);
  const updated = { ...rec.message, ...changes };
  Object.keys(changes).forEach((k) => { if (changes[k] === undefined) delete updated[k]; });
  const { edit_date: d1, ...a } = updated;
  const { edit_date: d2, ...b } = JSON.parse(before);
  if (JSON.stringify(a) === JSON.stringify(b)) {
    throw badRequest('message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message');
  }
  updated.edit_date = nowSec();
  rec.message = updated;
  if ('reply_markup' in changes) rec.replyMarkup = changes.reply_markup;
  ctx.event = {
    chat_id: updated.chat.id, direction: 'bot', kind: 'edit', method: ctx.method, message_id: updated.message_id, message: updated, params: sanitizeParams(params),
  };
  return updated;
}

function settingKey(name, params) {
  const scope = params.scope ? JSON.stringify(params.scope) : '{"type":"default"}';
  return `${name}|${scope}|${params.language_code || ''}`;
}

function memberObject(bot, chatId, userId) {
  const key = `${chatId}:${userId}`;
  const override = bot.chatMembers.get(key) || {};
  const user = Number(userId) === bot.botId ? bot.botUser : {
    id: Number(userId), is_bot: false, first_name: `User${userId}`, ...(bot.users.get(String(userId)) || {}),
  };
  const status = override.status || 'member';
  const base = { status, user };
  if (status === 'creator') Object.assign(base, { is_anonymous: false });
  if (status === 'administrator') {
    Object.assign(base, {
      can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: true, can_manage_video_chats: true, can_restrict_members: true, can_promote_members: false, can_change_info: true, can_invite_users: true, can_post_stories: false, can_edit_stories: false, can_delete_stories: false,
    });
  }
  if (status === 'restricted') {
    Object.assign(base, {
      is_member: true, can_send_messages: false, can_send_audios: false, can_send_documents: false, can_send_photos: false, can_send_videos: false, can_send_video_notes: false, can_send_voice_notes: false, can_send_polls: false, can_send_other_messages: false, can_add_web_page_previews: false, can_change_info: false, can_invite_users: false, can_pin_messages: false, can_manage_topics: false, until_date: 0,
    });
  }
  if (status === 'kicked') base.until_date = 0;
  const { status: _s, ...rest } = override;
  return { ...base, ...rest };
}

const METHODS = {
  getMe: (bot) => ({
    ...bot.botUser, can_join_groups: bot.config.can_join_groups, can_read_all_group_messages: bot.config.can_read_all_group_messages, supports_inline_queries: bot.config.supports_inline_queries, can_connect_to_business: false, has_main_web_app: false,
  }),

  getUpdates: (bot, params, ctx) => {
    if (bot.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
    const limit = Math.min(Math.max(Number(params.limit) || 100, 1), 100);
    const timeout = Math.min(Math.max(Number(params.timeout) || 0, 0), OPTS.maxLongPoll);
    if (Array.isArray(params.allowed_updates)) bot.allowedUpdates = params.allowed_updates;
    bot.confirmUpdates(Number(params.offset) || 0);
    // Telegram terminates an older pending getUpdates when a new one arrives.
    bot.updateWaiters.slice().forEach((w) => w.fail(new ApiError(409, 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running')));
    if (bot.updates.length || timeout === 0) return clone(bot.updates.slice(0, limit));
    return new Promise((resolve, reject) => {
      const waiter = {
        limit,
        finish: (result) => { cleanup(); resolve(result); }, // eslint-disable-line no-use-before-define
        fail: (err) => { cleanup(); reject(err); }, // eslint-disable-line no-use-before-define
      };
      const timer = setTimeout(() => waiter.finish([]), timeout * 1000);
      const onClose = () => { cleanup(); resolve(ctx.ABORTED); }; // eslint-disable-line no-use-before-define
      function cleanup() {
        clearTimeout(timer);
        ctx.res.off('close', onClose);
        bot.updateWaiters = bot.updateWaiters.filter((w) => w !== waiter);
      }
      ctx.res.on('close', onClose);
      bot.updateWaiters.push(waiter);
    });
  },

  setWebhook: (bot, params) => {
    const url = params.url || '';
    if (!url) { bot.webhook = null; return true; }
    let u;
    try { u = new URL(url); } catch (e) { throw badRequest('bad webhook: invalid URL'); }
    if (!/^https?:$/.test(u.protocol)) throw badRequest('bad webhook: unsupported URL protocol');
    if (!isLoopbackHost(u.hostname)) throw badRequest('bad webhook: the emulator only delivers webhooks to loopback addresses');
    if (params.drop_pending_updates) bot.updates = [];
    if (Array.isArray(params.allowed_updates)) bot.allowedUpdates = params.allowed_updates;
    bot.updateWaiters.slice().forEach((w) => w.finish([]));
    bot.webhook = {
      url, secret_token: params.secret_token, max_connections: params.max_connections || 40, ip_address: params.ip_address,
    };
    bot.pumpWebhook();
    return true;
  },

  deleteWebhook: (bot, params) => {
    bot.webhook = null;
    if (params.drop_pending_updates) bot.updates = [];
    return true;
  },

  getWebhookInfo: (bot) => {
    const wh = bot.webhook;
    const info = { url: wh ? wh.url : '', has_custom_certificate: false, pending_update_count: bot.updates.length };
    if (wh) {
      info.max_connections = wh.max_connections;
      if (wh.ip_address) info.ip_address = wh.ip_address;
      if (wh.last_error_date) { info.last_error_date = wh.last_error_date; info.last_error_message = wh.last_error_message; }
      if (bot.allowedUpdates) info.allowed_updates = bot.allowedUpdates;
    }
    return info;
  },

  sendMessage: (bot, params, ctx) => {
    const content = textContent(params);
    const { entry, message, replyMarkup } = newBotMessage(bot, params, content);
    ctx.event = {
      chat_id: entry.chat.id, direction: 'bot', kind: 'message', method: 'sendMessage', message_id: message.message_id, message, params: sanitizeParams(params), reply_markup: replyMarkup,
    };
    return message;
  },

  ...Object.fromEntries(MEDIA_KINDS.map((k) => [`send${k.split('_').map((p) => p[0].toUpperCase() + p.slice(1)).join('')}`, sendMedia(k)])),

  sendMediaGroup: (bot, params, ctx) => {
    const media = params.media;
    if (!Array.isArray(media) || media.length < 1 || media.length > 10) throw badRequest('wrong number of media in the group');
    const groupId = String(Date.now()) + String(Math.floor(Math.random() * 1000));
    const events = [];
    const messages = media.map((item) => {
      const kind = item.type;
      if (!['photo', 'video', 'audio', 'document'].includes(kind)) throw badRequest('unsupported media type in the group');
      const rec = resolveInputFile(bot, item.media, ctx.files, kind, item);
      const content = { [kind]: mediaObject(kind, rec, item), ...captionContent(item), media_group_id: groupId };
      const { entry, message } = newBotMessage(bot, params, content);
      events.push({
        chat_id: entry.chat.id, direction: 'bot', kind: 'message', method: 'sendMediaGroup', message_id: message.message_id, message, params: sanitizeParams(params),
      });
      return message;
    });
    ctx.events = events;
    return messages;
  },

  forwardMessage: (bot, params, ctx) => {
    const src = bot.findMessage(requireParam(params, 'from_chat_id'), requireParam(params, 'message_id'));
    if (!src) throw badRequest('message to forward not found');
    const content = clone(src.message);
    ['message_id', 'from', 'chat', 'date', 'reply_to_message', 'edit_date', 'reply_markup'].forEach((k) => delete content[k]);
    content.forward_origin = { type: 'user', date: src.message.date, sender_user: src.message.from };
    const { entry, message } = newBotMessage(bot, { ...params, reply_markup: undefined }, content);
    ctx.event = {
      chat_id: entry.chat.id, direction: 'bot', kind: 'message', method: 'forwardMessage', message_id: message.message_id, message, params: sanitizeParams(params),
    };
    return message;
  },

  copyMessage: (bot, params, ctx) => {
    const src = bot.findMessage(requireParam(params, 'from_chat_id'), requireParam(params, 'message_id'));
    if (!src) throw badRequest('message to copy not found');
    const content = clone(src.message);
    ['message_id', 'from', 'chat', 'date', 'reply_to_message', 'edit_date', 'reply_markup'].forEach((k) => delete content[k]);
    if (params.caption !== undefined) Object.assign(content, captionContent(params));
    const { entry, message } = newBotMessage(bot, params, content);
    ctx.event = {
      chat_id: entry.chat.id, direction: 'bot', kind: 'message', method: 'copyMessage', message_id: message.message_id, message, params: sanitizeParams(params),
    };
    return { message_id: message.message_id };
  },

  editMessageText: (bot, params, ctx) => {
    const rec = editTarget(bot, params);
    if (rec.message.text === undefined) throw badRequest('there is no text in the message to edit');
    const content = textContent(params);
    const rm = validateReplyMarkup(params.reply_markup);
    return applyEdit(bot, rec, {
      text: content.text, entities: content.entities, link_preview_options: content.link_preview_options, reply_markup: inlineOnly(rm),
    }, params, ctx);
  },

  editMessageCaption: (bot, params, ctx) => {
    const rec = editTarget(bot, params);
    if (rec.message.text !== undefined) throw badRequest('there is no caption in the message to edit');
    const content = captionContent(params);
    const rm = validateReplyMarkup(params.reply_markup);
    return applyEdit(bot, rec, { caption: content.caption, caption_entities: content.caption_entities, reply_markup: inlineOnly(rm) }, params, ctx);
  },

  editMessageReplyMarkup: (bot, params, ctx) => {
    const rec = editTarget(bot, params);
    const rm = validateReplyMarkup(params.reply_markup);
    return applyEdit(bot, rec, { reply_markup: inlineOnly(rm) }, params, ctx);
  },

  deleteMessage: (bot, params, ctx) => {
    const chatId = requireParam(params, 'chat_id');
    const rec = bot.findMessage(chatId, requireParam(params, 'message_id'));
    if (!rec) throw badRequest('message to delete not found');
    rec.deleted = true;
    ctx.event = {
      chat_id: rec.message.chat.id, direction: 'bot', kind: 'delete', method: 'deleteMessage', message_id: rec.message.message_id, message: rec.message, params: sanitizeParams(params),
    };
    return true;
  },

  deleteMessages: (bot, params, ctx) => {
    const ids = Array.isArray(params.message_ids) ? params.message_ids : [];
    if (!ids.length || ids.length > 100) throw badRequest('message identifiers are not specified');
    ctx.events = [];
    ids.forEach((id) => {
      const rec = bot.findMessage(requireParam(params, 'chat_id'), id);
      if (rec) {
        rec.deleted = true;
        ctx.events.push({
          chat_id: rec.message.chat.id, direction: 'bot', kind: 'delete', method: 'deleteMessages', message_id: rec.message.message_id, message: rec.message, params: sanitizeParams(params),
        });
      }
    });
    return true;
  },

  answerCallbackQuery: (bot, params, ctx) => {
    const id = String(requireParam(params, 'callback_query_id'));
    const cq = bot.callbacks.get(id);
    if (!cq || cq.answered) throw badRequest('query is too old and response timeout expired or query ID is invalid');
    cq.answered = { text: params.text, show_alert: !!params.show_alert, url: params.url, cache_time: params.cache_time };
    ctx.event = {
      chat_id: cq.query.message ? cq.query.message.chat.id : undefined, direction: 'bot', kind: 'callback_answer', method: 'answerCallbackQuery', callback_query_id: id, message_id: cq.query.message ? cq.query.message.message_id : undefined, text: params.text, show_alert: !!params.show_alert, params: sanitizeParams(params),
    };
    return true;
  },

  sendChatAction: (bot, params, ctx) => {
    const entry = bot.chatEntry(requireParam(params, 'chat_id'));
    if (!CHAT_ACTIONS.has(params.action)) throw badRequest('wrong parameter action in request');
    ctx.event = {
      chat_id: entry.chat.id, direction: 'bot', kind: 'chat_action', method: 'sendChatAction', action: params.action, params: sanitizeParams(params),
    };
    return true;
  },

  setMyCommands: (bot, params) => {
    const commands = Array.isArray(params.commands) ? params.commands : null;
    if (!commands) throw badRequest("can't parse commands JSON object");
    if (commands.length > 100) throw badRequest('too many commands');
    commands.forEach((c) => {
      if (!c || !/^[a-z0-9_]{1,32}$/.test(String(c.command).replace(/^\//, ''))) throw badRequest('BOT_COMMAND_INVALID');
      if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 256) throw badRequest('command description is empty');
    });
    bot.botSettings.set(settingKey('commands', params), commands.map((c) => ({ command: String(c.command).replace(/^\//, ''), description: c.description })));
    return true;
  },
  deleteMyCommands: (bot, params) => { bot.botSettings.delete(settingKey('commands', params)); return true; },
  getMyCommands: (bot, params) => bot.botSettings.get(settingKey('commands', params)) || [],

  setChatMenuButton: (bot, params) => { bot.botSettings.set(`menu|${params.chat_id || ''}`, params.menu_button || { type: 'default' }); return true; },
  getChatMenuButton: (bot, params) => bot.botSettings.get(`menu|${params.chat_id || ''}`) || bot.botSettings.get('menu|') || { type: 'default' },
  setMyName: (bot, params) => { bot.botSettings.set(settingKey('name', params), params.name || ''); return true; },
  getMyName: (bot, params) => ({ name: bot.botSettings.get(settingKey('name', params)) ?? bot.config.first_name }),
  setMyDescription: (bot, params) => { bot.botSettings.set(settingKey('description', params), params.description || ''); return true; },
  getMyDescription: (bot, params) => ({ description: bot.botSettings.get(settingKey('description', params)) || '' }),
  setMyShortDescription: (bot, params) => { bot.botSettings.set(settingKey('short_description', params), params.short_description || ''); return true; },
  getMyShortDescription: (bot, params) => ({ short_description: bot.botSettings.get(settingKey('short_description', params)) || '' }),
  setMyDefaultAdministratorRights: (bot, params) => { bot.botSettings.set(`rights|${!!params.for_channels}`, params.rights || {}); return true; },
  getMyDefaultAdministratorRights: (bot, params) => ({
    is_anonymous: false, can_manage_chat: false, can_delete_messages: false, can_manage_video_chats: false, can_restrict_members: false, can_promote_members: false, can_change_info: false, can_invite_users: false, can_post_stories: false, can_edit_stories: false, can_delete_stories: false, ...(bot.botSettings.get(`rights|${!!params.for_channels}`) || {}),
  }),

  getFile: (bot, params) => {
    const rec = bot.files.get(String(requireParam(params, 'file_id')));
    if (!rec) throw badRequest('invalid file_id');
    if (rec.file_size > 20 * 1024 * 1024) throw badRequest('file is too big');
    return {
      file_id: rec.file_id, file_unique_id: rec.file_unique_id, file_size: rec.file_size, file_path: rec.file_path,
    };
  },

  getChat: (bot, params) => {
    const entry = bot.chatEntry(requireParam(params, 'chat_id'));
    return { ...clone(entry.chat), accent_color_id: 0, max_reaction_count: 11 };
  },
  getChatMember: (bot, params) => {
    const entry = bot.chatEntry(requireParam(params, 'chat_id'));
    return memberObject(bot, entry.chat.id, requireParam(params, 'user_id'));
  },
  getChatAdministrators: (bot, params) => {
    const entry = bot.chatEntry(requireParam(params, 'chat_id'));
    const prefix = `${entry.chat.id}:`;
    return [...bot.chatMembers.entries()]
      .filter(([k, v]) => k.startsWith(prefix) && (v.status === 'administrator' || v.status === 'creator'))
      .map(([k]) => memberObject(bot, entry.chat.id, k.slice(prefix.length)));
  },
  getChatMemberCount: (bot, params) => {
    const entry = bot.chatEntry(requireParam(params, 'chat_id'));
    if (entry.chat.type === 'private') return 2;
    const senders = new Set([...entry.messages.values()].map((r) => r.message.from && r.message.from.id));
    senders.add(bot.botId);
    return senders.size;
  },

  close: () => true,
  logOut: () => true,
};
const METHOD_INDEX = new Map(Object.keys(METHODS).map((k) => [k.toLowerCase(), k]));

// ---------------------------------------------------------------------------------------------
// HTTP plumbing
// ---------------------------------------------------------------------------------------------

function sendApiError(res, err) {
  const body = { ok: false, error_code: err.code, description: err.description };
  if (err.parameters) body.parameters = err.parameters;
  res.status(err.code).json(body);
}

const BAD_GATEWAY_HTML = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.18.0</center>\r\n</body>\r\n</html>\r\n';

async function applyFault(fault, res) {
  switch (fault.kind) {
    case 'retry_after':
      sendApiError(res, new ApiError(429, `Too Many Requests: retry after ${fault.retry_after}`, { retry_after: fault.retry_after }));
      return true;
    case 'bad_gateway':
      res.status(502).type('text/html').send(BAD_GATEWAY_HTML);
      return true;
    case 'server_error':
      sendApiError(res, new ApiError(500, fault.description || 'Internal Server Error'));
      return true;
    case 'migrate':
      sendApiError(res, new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: fault.migrate_to_chat_id }));
      return true;
    case 'error':
      sendApiError(res, new ApiError(fault.error_code || 400, fault.description || 'Bad Request: injected error'));
      return true;
    case 'disconnect':
      res.socket.destroy();
      return true;
    case 'delay':
      await sleep(fault.delay * 1000);
      return false; // then handle the call normally (even if the client gave up meanwhile)
    default:
      return false;
  }
}

const ABORTED = Symbol('aborted');

async function botApiHandler(req, res) {
  const { token } = req.params;
  if (!TOKEN_RE.test(token)) { sendApiError(res, new ApiError(404, 'Not Found')); return; }
  const bot = getBot(token);
  const requested = req.params.method;
  const method = METHOD_INDEX.get(requested.toLowerCase()) || requested;
  let params;
  let files = {};
  try {
    let body = req.body;
    if (Buffer.isBuffer(body)) {
      const parsed = parseMultipart(body, req.headers['content-type']);
      body = parsed.fields;
      files = parsed.files;
    }
    params = normalizeParams({ ...req.query, ...(body && typeof body === 'object' ? body : {}) });
    Object.entries(files).forEach(([name, f]) => { if (params[name] === undefined) params[name] = f; });
  } catch (e) {
    const err = e instanceof ApiError ? e : badRequest(e.message);
    bot.addCall({ method, params: {}, ok: false, error_code: err.code, description: err.description });
    sendApiError(res, err);
    return;
  }
  log(`bot ${token.split(':')[0]} -> ${method} ${JSON.stringify(sanitizeParams(params)).slice(0, 300)}`);

  const fault = bot.takeFault(method);
  if (fault) {
    const handled = await applyFault(fault, res);
    if (handled) {
      bot.addCall({
        method, params: sanitizeParams(params), ok: false, fault: fault.kind, error_code: { retry_after: 429, bad_gateway: 502, server_error: 500, migrate: 400, disconnect: 0 }[fault.kind] ?? fault.error_code ?? 400,
      });
      return;
    }
  }

  const handler = METHODS[method];
  const ctx = {
    method, files, res, ABORTED,
  };
  // getUpdates is recorded when it arrives (a long poll may take a while); other calls when done.
  const pendingCall = method === 'getUpdates' ? bot.addCall({ method, params: sanitizeParams(params), ok: null, pending: true }) : null;
  const record = (fields) => {
    if (!pendingCall) return bot.addCall({ method, params: sanitizeParams(params), ...fields });
    delete pendingCall.pending;
    Object.assign(pendingCall, fields, { finished: Date.now() });
    bot.notifyEvents();
    return pendingCall;
  };
  try {
    let result;
    if (handler) {
      result = await handler(bot, params, ctx);
    } else {
      // Methods the emulator does not model answer `true` (like most setters do) and are recorded.
      result = true;
      ctx.unmodeled = true;
    }
    if (result === ABORTED) {
      record({ ok: false, aborted: true });
      return;
    }
    const evs = ctx.events || (ctx.event ? [ctx.event] : []);
    evs.forEach((ev) => bot.addEvent(ev));
    const call = { ok: true };
    if (ctx.unmodeled) call.unmodeled = true;
    if (method === 'getUpdates') call.result_count = result.length;
    if (fault) call.fault = fault.kind;
    record(call);
    if (!res.writableEnded && !res.destroyed) res.json({ ok: true, result });
  } catch (e) {
    const err = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${e.message}`);
    if (!(e instanceof ApiError)) process.stderr.write(`[emulator] ${method} crashed: ${e.stack}\n`);
    record({ ok: false, error_code: err.code, description: err.description });
    if (!res.writableEnded && !res.destroyed) sendApiError(res, err);
  }
}

function fileDownloadHandler(req, res) {
  const { token } = req.params;
  const bot = TOKEN_RE.test(token) ? BOTS.get(token) : null;
  const rec = bot && bot.filePaths.get(req.params[0]);
  if (!rec) { sendApiError(res, new ApiError(404, 'Not Found')); return; }
  bot.addCall({ method: 'file_download', params: { file_path: rec.file_path }, ok: true });
  res.status(200).type(rec.mime_type || 'application/octet-stream').send(rec.data);
}

// ---------------------------------------------------------------------------------------------
// Client (test-side) API
// ---------------------------------------------------------------------------------------------

function normUser(u, fallbackId) {
  let user = u;
  if (user === undefined || user === null) user = fallbackId;
  if (typeof user === 'number' || typeof user === 'string') user = { id: Number(user) };
  if (!user || !Number.isFinite(Number(user.id))) throw badRequest('client: a user (id) is required');
  const out = {
    ...user, id: Number(user.id), is_bot: !!user.is_bot, first_name: user.first_name || `User${user.id}`,
  };
  if (out.username === undefined) out.username = `user${user.id}`;
  if (out.username === null) delete out.username;
  return out;
}

// In a private chat the user defaults to the chat's peer.
function privateChatUserId(body) {
  const chat = body.chat !== undefined ? body.chat : body.chat_id ?? body.chatId;
  const id = chat && typeof chat === 'object' ? chat.id : chat;
  return id !== undefined && id !== null && Number(id) > 0 ? Number(id) : undefined;
}

function clientChat(bot, body, user) {
  let chat = body.chat !== undefined ? body.chat : body.chat_id ?? body.chatId;
  if (chat === undefined || chat === null) chat = user ? user.id : undefined;
  if (chat === undefined) throw badRequest('client: chat is required');
  if (typeof chat !== 'object') chat = { id: Number(chat) };
  const existing = bot.chats.get(String(Number(chat.id)));
  const base = existing ? existing.chat : defaultChat(Number(chat.id), chat.type === undefined && Number(chat.id) > 0 ? user : undefined);
  const merged = { ...base, ...chat, id: Number(chat.id) };
  if (merged.type === 'private' && user && Number(merged.id) === user.id) {
    merged.first_name = chat.first_name || user.first_name;
    if (user.username) merged.username = chat.username || user.username;
  }
  if (merged.type !== 'private') { delete merged.first_name; delete merged.last_name; if (!merged.title) merged.title = `Test Group ${Math.abs(merged.id)}`; }
  return bot.upsertChat(merged);
}

function clientBot(body) {
  const token = body.token || body.botToken || OPTS.token;
  if (!TOKEN_RE.test(token)) throw badRequest('client: invalid bot token');
  return getBot(token);
}

function newUserMessage(bot, body, content) {
  const from = normUser(body.from || body.user, body.user_id ?? privateChatUserId(body));
  bot.rememberUser(from);
  const entry = clientChat(bot, body, from);
  const message = {
    message_id: entry.nextId, from, chat: clone(entry.chat), date: body.date && body.date < 1e11 ? body.date : nowSec(),
  };
  if (body.message_thread_id) message.message_thread_id = body.message_thread_id;
  const replyId = body.reply_to_message_id ?? body.reply_to;
  if (replyId !== undefined && replyId !== null) {
    const rec = entry.messages.get(Number(replyId));
    if (!rec || rec.deleted) throw badRequest(`client: message ${replyId} to reply to not found in chat ${entry.chat.id}`);
    message.reply_to_message = clone(rec.message);
    delete message.reply_to_message.reply_to_message;
  }
  Object.assign(message, content);
  entry.nextId += 1;
  bot.storeMessage(entry, message, { fromBot: false });
  const update = bot.enqueueUpdate({ message });
  bot.addEvent({
    chat_id: entry.chat.id, direction: 'user', kind: 'message', message_id: message.message_id, message, update_id: update.update_id,
  });
  return { update, message };
}

function userTextContent(body) {
  const text = String(body.text ?? '');
  if (!text) throw badRequest('client: text is required');
  const entities = Array.isArray(body.entities) && body.entities.length ? body.entities : autoEntities(text);
  const content = { text };
  if (entities.length) content.entities = entities;
  return content;
}

function buttonsOf(message) {
  const kb = message.reply_markup && message.reply_markup.inline_keyboard;
  return kb ? kb.flat() : [];
}

function chatInstance(bot, chatId) {
  const h = crypto.createHash('sha256').update(`${bot.token}|${chatId}`).digest();
  return (h.readBigInt64BE(0) & 0x7fffffffffffffffn).toString();
}

function clientSendCallback(bot, body) {
  const from = normUser(body.from || body.user, body.user_id ?? privateChatUserId(body));
  bot.rememberUser(from);
  let message;
  const messageId = body.message_id ?? (body.message && body.message.message_id);
  if (messageId !== undefined && messageId !== null) {
    const chatId = body.chat_id ?? (body.chat && typeof body.chat === 'object' ? body.chat.id : body.chat) ?? (body.message && body.message.chat && body.message.chat.id) ?? from.id;
    const rec = bot.findMessage(chatId, messageId);
    if (!rec) throw badRequest(`client: message ${messageId} not found in chat ${chatId}`);
    message = clone(rec.message);
  } else if (body.message) {
    // telegram-test-api compatible: a free-form message object
    message = { message_id: 0, date: nowSec(), ...clone(body.message) };
    if (!message.chat) message.chat = defaultChat(from.id, from);
  } else throw badRequest('client: message_id (or message) is required');
  let { data } = body;
  const buttons = buttonsOf(message).filter((b) => b.callback_data !== undefined);
  if (body.button_text !== undefined || (data === undefined && body.text !== undefined)) {
    const wanted = body.button_text !== undefined ? body.button_text : body.text;
    const btn = buttons.find((b) => b.text === wanted);
    if (!btn) throw badRequest(`client: no callback button with text ${JSON.stringify(wanted)}; buttons: ${JSON.stringify(buttonsOf(message).map((b) => b.text))}`);
    data = btn.callback_data;
  }
  if (data === undefined) throw badRequest('client: data (or button_text) is required');
  if (messageId !== undefined && messageId !== null && !body.force && !buttons.some((b) => b.callback_data === data)) {
    throw badRequest(`client: message ${messageId} has no button with callback_data ${JSON.stringify(data)}; buttons: ${JSON.stringify(buttons.map((b) => b.callback_data))}`);
  }
  CALLBACK_COUNTER += 1;
  const query = {
    id: `${BigInt(bot.botId) * 1000000n + BigInt(CALLBACK_COUNTER)}`,
    from,
    message,
    chat_instance: body.chat_instance || chatInstance(bot, message.chat.id),
    data: String(data),
  };
  bot.callbacks.set(query.id, { query, answered: null });
  const update = bot.enqueueUpdate({ callback_query: query });
  bot.addEvent({
    chat_id: message.chat.id, direction: 'user', kind: 'callback_query', message_id: message.message_id, callback_query_id: query.id, data: query.data, update_id: update.update_id,
  });
  return { update, callback_query: query };
}

function clientSendDocument(bot, body) {
  const b64 = body.content_base64 ?? body.content ?? '';
  const data = Buffer.from(String(b64), 'base64');
  const fileName = body.file_name || 'file.bin';
  const rec = bot.addFile('document', data, fileName, body.mime_type || 'application/octet-stream');
  const content = {
    document: {
      file_id: rec.file_id, file_unique_id: rec.file_unique_id, file_name: rec.file_name, mime_type: rec.mime_type, file_size: rec.file_size,
    },
  };
  if (body.caption) {
    content.caption = String(body.caption);
    const ents = autoEntities(content.caption);
    if (ents.length) content.caption_entities = ents;
  }
  return newUserMessage(bot, body, content);
}

function clientEditMessage(bot, body) {
  const chatId = body.chat_id ?? (body.chat && typeof body.chat === 'object' ? body.chat.id : body.chat);
  const rec = bot.findMessage(chatId, body.message_id);
  if (!rec) throw badRequest(`client: message ${body.message_id} not found in chat ${chatId}`);
  if (rec.fromBot) throw badRequest('client: users can only edit their own messages');
  const updated = { ...rec.message, edit_date: nowSec() };
  if (body.text !== undefined) {
    Object.assign(updated, userTextContent(body));
    if (!(updated.entities && updated.entities.length)) delete updated.entities;
  }
  if (body.caption !== undefined) updated.caption = String(body.caption);
  rec.message = updated;
  const update = bot.enqueueUpdate({ edited_message: clone(updated) });
  bot.addEvent({
    chat_id: updated.chat.id, direction: 'user', kind: 'edit', message_id: updated.message_id, message: updated, update_id: update.update_id,
  });
  return { update, message: updated };
}

function normalizeFault(body) {
  const aliases = {
    429: 'retry_after', retry_after: 'retry_after', flood: 'retry_after', 502: 'bad_gateway', bad_gateway: 'bad_gateway', 500: 'server_error', server_error: 'server_error', migrate: 'migrate', error: 'error', disconnect: 'disconnect', drop: 'disconnect', delay: 'delay', timeout: 'delay',
  };
  const rawKind = String(body.kind ?? 'retry_after').toLowerCase();
  let kind = aliases[rawKind];
  let errorCode = body.error_code !== undefined ? Number(body.error_code) : undefined;
  if (!kind && /^\d{3}$/.test(rawKind)) { kind = 'error'; errorCode = Number(rawKind); }
  if (!kind) throw badRequest(`client: unknown fault kind ${rawKind}`);
  if (!body.method) throw badRequest('client: method is required (a Bot API method name or "*")');
  const fault = {
    id: nextSeq(),
    method: String(body.method),
    kind,
    remaining: Math.max(Number(body.count ?? 1), 1),
    retry_after: Math.max(Number(body.retry_after ?? 1), 1),
    error_code: errorCode,
    description: body.description,
    migrate_to_chat_id: body.migrate_to_chat_id !== undefined ? Number(body.migrate_to_chat_id) : -1001234567890,
    delay: Math.min(Math.max(Number(body.delay ?? 5), 0), 120),
  };
  if (kind === 'error' && !fault.description) {
    fault.description = {
      400: 'Bad Request: injected error', 401: 'Unauthorized', 403: 'Forbidden: bot was blocked by the user', 404: 'Not Found', 409: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    }[fault.error_code || 400] || 'Injected error';
  }
  return fault;
}

function filterEvents(bot, q) {
  const since = Number(q.since || 0);
  const kinds = q.kinds ? (Array.isArray(q.kinds) ? q.kinds : String(q.kinds).split(',')).filter(Boolean) : null;
  const direction = q.direction || 'bot';
  const chatId = q.chat_id !== undefined && q.chat_id !== null && q.chat_id !== '' ? Number(q.chat_id) : null;
  return bot.events.filter((e) => e.seq > since
    && (direction === 'all' || e.direction === direction)
    && (chatId === null || Number(e.chat_id) === chatId)
    && (!kinds || kinds.includes(e.kind)));
}

function filterCalls(bot, q) {
  const since = Number(q.since || 0);
  const methods = q.method ? (Array.isArray(q.method) ? q.method : String(q.method).split(',')).map((m) => m.toLowerCase()) : null;
  return bot.calls.filter((c) => c.seq > since && (!methods || methods.includes(c.method.toLowerCase())));
}

// Long-poll helper for client endpoints: resolves once `select()` returns >= minCount items.
function waitForItems(bot, res, select, minCount, waitSeconds) {
  return new Promise((resolve) => {
    const first = select();
    if (first.length >= minCount || waitSeconds <= 0) { resolve(first); return; }
    const waiter = {};
    const done = (items) => {
      clearTimeout(waiter.timer);
      bot.eventWaiters.delete(waiter);
      res.off('close', waiter.onClose);
      resolve(items);
    };
    waiter.check = () => { const items = select(); if (items.length >= minCount) done(items); };
    waiter.timer = setTimeout(() => done(select()), Math.min(waitSeconds, 300) * 1000);
    waiter.onClose = () => done(null);
    res.on('close', waiter.onClose);
    bot.eventWaiters.add(waiter);
  });
}

function clientRoute(app, paths, handler) {
  (Array.isArray(paths) ? paths : [paths]).forEach((p) => {
    app.all(p, async (req, res) => {
      try {
        const body = { ...req.query, ...(req.body && typeof req.body === 'object' && !Buffer.isBuffer(req.body) ? req.body : {}) };
        const result = await handler(body, req, res);
        if (result === undefined || res.writableEnded || res.destroyed) return;
        res.json({ ok: true, result });
      } catch (e) {
        const err = e instanceof ApiError ? e : new ApiError(500, `Internal Server Error: ${e.message}`);
        if (!(e instanceof ApiError)) process.stderr.write(`[emulator] client ${req.path} crashed: ${e.stack}\n`);
        if (!res.writableEnded) sendApiError(res, err);
      }
    });
  });
}

// ---------------------------------------------------------------------------------------------
// App
// ---------------------------------------------------------------------------------------------

const app = express();
app.disable('x-powered-by');
app.use(express.json({ limit: '60mb' }));
app.use(express.urlencoded({ extended: false, limit: '60mb', parameterLimit: 100000 }));
app.use(express.raw({ type: 'multipart/form-data', limit: '60mb' }));

app.all('/bot:token/:method', (req, res) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    sendApiError(res, new ApiError(405, `Method Not Allowed: HTTP method '${req.method}' is not supported by the Bot API`));
    return;
  }
  botApiHandler(req, res).catch((e) => {
    process.stderr.write(`[emulator] unexpected: ${e.stack}\n`);
    if (!res.writableEnded) sendApiError(res, new ApiError(500, 'Internal Server Error'));
  });
});
app.get('/file/bot:token/*', fileDownloadHandler);

// telegram-test-api compatible client routes (same paths and request bodies as its TelegramClient)
clientRoute(app, ['/sendMessage', '/client/sendMessage'], (body) => {
  const bot = clientBot(body);
  return newUserMessage(bot, body, userTextContent(body));
});
clientRoute(app, ['/sendCommand', '/client/sendCommand'], (body) => {
  const bot = clientBot(body);
  return newUserMessage(bot, body, userTextContent(body));
});
clientRoute(app, ['/sendCallback', '/client/sendCallback', '/client/pressButton'], (body) => clientSendCallback(clientBot(body), body));
clientRoute(app, '/getUpdates', (body) => {
  // telegram-test-api: unread bot messages for {token, chatId}, in its storage format
  const bot = clientBot(body);
  bot.compatRead = bot.compatRead || new Set();
  return filterEvents(bot, { chat_id: body.chatId ?? body.chat_id, kinds: ['message'] })
    .filter((e) => !bot.compatRead.has(e.seq))
    .map((e) => {
      bot.compatRead.add(e.seq);
      return {
        time: e.time, botToken: bot.token, updateId: e.seq, messageId: e.message_id, isRead: true, message: { ...e.params, chat_id: e.chat_id, text: e.message.text },
      };
    });
});
clientRoute(app, '/getUpdatesHistory', (body) => {
  const bot = clientBot(body);
  return filterEvents(bot, { direction: 'all', kinds: ['message', 'callback_query'] }).map((e) => ({
    time: e.time, botToken: bot.token, updateId: e.update_id ?? e.seq, messageId: e.message_id, isRead: true, message: e.message, callbackQuery: e.kind === 'callback_query' ? { data: e.data } : undefined,
  }));
});

// Extended client API
clientRoute(app, '/client/sendDocument', (body) => clientSendDocument(clientBot(body), body));
clientRoute(app, '/client/editMessage', (body) => clientEditMessage(clientBot(body), body));
clientRoute(app, '/client/sendUpdate', (body) => {
  const bot = clientBot(body);
  if (!body.update || typeof body.update !== 'object') throw badRequest('client: update object is required');
  const update = bot.enqueueUpdate(clone(body.update));
  bot.addEvent({ direction: 'user', kind: 'raw_update', update_id: update.update_id, update });
  return update;
});
clientRoute(app, '/client/events', async (body, req, res) => {
  const bot = clientBot(body);
  const items = await waitForItems(bot, res, () => filterEvents(bot, body), Number(body.min_count ?? 1), Number(body.wait ?? 0));
  return items === null ? undefined : { events: items, last_seq: GLOBAL_SEQ };
});
clientRoute(app, '/client/calls', async (body, req, res) => {
  const bot = clientBot(body);
  const items = await waitForItems(bot, res, () => filterCalls(bot, body), Number(body.min_count ?? 1), Number(body.wait ?? 0));
  return items === null ? undefined : { calls: items, last_seq: GLOBAL_SEQ };
});
clientRoute(app, '/client/message', (body) => {
  const bot = clientBot(body);
  const entry = bot.chatEntry(body.chat_id, false);
  const rec = entry.messages.get(Number(body.message_id));
  if (!rec) throw badRequest('client: message not found');
  return { message: rec.message, deleted: rec.deleted, from_bot: rec.fromBot, reply_markup: rec.replyMarkup };
});
clientRoute(app, '/client/chat', (body) => {
  const bot = clientBot(body);
  const entry = bot.chatEntry(body.chat_id, false);
  return {
    chat: entry.chat,
    messages: [...entry.messages.values()].map((r) => ({
      message: r.message, deleted: r.deleted, from_bot: r.fromBot, reply_markup: r.replyMarkup,
    })),
  };
});
clientRoute(app, '/client/file', (body) => {
  const bot = clientBot(body);
  const rec = bot.files.get(String(body.file_id)) || bot.filePaths.get(String(body.file_path));
  if (!rec) throw badRequest('client: file not found');
  return {
    file_id: rec.file_id, file_unique_id: rec.file_unique_id, file_path: rec.file_path, file_size: rec.file_size, file_name: rec.file_name, mime_type: rec.mime_type, content_base64: rec.data.toString('base64'),
  };
});
clientRoute(app, '/client/injectFault', (body) => {
  const bot = clientBot(body);
  const fault = normalizeFault(body);
  bot.faults.push(fault);
  return fault;
});
clientRoute(app, '/client/faults', (body) => clientBot(body).faults);
clientRoute(app, '/client/clearFaults', (body) => { clientBot(body).faults = []; return true; });
clientRoute(app, '/client/setChatMember', (body) => {
  const bot = clientBot(body);
  const { token: _t, botToken: _b, chat_id: chatId, user_id: userId, ...member } = body;
  if (chatId === undefined || userId === undefined) throw badRequest('client: chat_id and user_id are required');
  bot.chatMembers.set(`${Number(chatId)}:${Number(userId)}`, member);
  return memberObject(bot, Number(chatId), Number(userId));
});
clientRoute(app, '/client/setBot', (body) => {
  const bot = clientBot(body);
  ['username', 'first_name', 'can_join_groups', 'can_read_all_group_messages', 'supports_inline_queries'].forEach((k) => { if (body[k] !== undefined) bot.config[k] = body[k]; });
  return METHODS.getMe(bot);
});
clientRoute(app, '/client/state', (body) => {
  const bot = clientBot(body);
  return {
    pending_updates: bot.updates.length,
    pending_update_ids: bot.updates.map((u) => u.update_id),
    polling_waiters: bot.updateWaiters.length,
    allowed_updates: bot.allowedUpdates,
    webhook: bot.webhook && { url: bot.webhook.url },
    last_seq: GLOBAL_SEQ,
    chats: [...bot.chats.values()].map((e) => e.chat),
    faults: bot.faults,
  };
});
clientRoute(app, '/client/reset', (body) => {
  if (body.token || body.botToken) clientBot(body).reset();
  else BOTS.forEach((b) => b.reset());
  return { last_seq: GLOBAL_SEQ };
});
app.get('/health', (req, res) => res.json({
  ok: true, result: { emulator: 'telegram-bot-api-emulator', based_on: `telegram-test-api@${TTA_PACKAGE.version}`, last_seq: GLOBAL_SEQ },
}));

app.use((req, res) => sendApiError(res, new ApiError(404, 'Not Found')));
// eslint-disable-next-line no-unused-vars
app.use((err, req, res, next) => {
  const code = err.status && err.status >= 400 && err.status < 500 ? 400 : 500;
  if (!res.headersSent) sendApiError(res, new ApiError(code, code === 400 ? `Bad Request: ${err.message}` : `Internal Server Error: ${err.message}`));
});

// ---------------------------------------------------------------------------------------------
// Start / stop
// ---------------------------------------------------------------------------------------------

const server = http.createServer(app);
server.keepAliveTimeout = 65000;
server.headersTimeout = 66000;
server.requestTimeout = 0; // long polls may take as long as they like

let stopping = false;
function shutdown(reason) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${reason})`);
  BOTS.forEach((b) => { b.webhook = null; b.updateWaiters.slice().forEach((w) => w.finish([])); });
  server.close(() => process.exit(0));
  if (server.closeAllConnections) server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGHUP', () => shutdown('SIGHUP'));
if (OPTS.watchStdin) {
  process.stdin.on('data', () => {});
  process.stdin.on('end', () => shutdown('stdin closed'));
  process.stdin.on('error', () => shutdown('stdin error'));
  process.stdin.resume();
}

server.on('error', (e) => {
  process.stderr.write(`[emulator] server error: ${e.message}\n`);
  process.exit(1);
});
server.listen(OPTS.port, OPTS.host, () => {
  const addr = server.address();
  process.stdout.write(`${JSON.stringify({ port: addr.port, host: OPTS.host, pid: process.pid })}\n`);
  log(`listening on http://${OPTS.host}:${addr.port} (telegram-test-api@${TTA_PACKAGE.version} based)`);
});
