package cn.civgeo.ogc;

import cn.civgeo.common.ApiException;
import java.util.Locale;

/** Tokens of CQL2 text, each with its 0-based start position for error messages. */
final class Cql2Lexer {
    enum Kind { IDENT, QUOTED_IDENT, STRING, NUMBER, OP, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int pos) {
        boolean isKeyword(String k) { return kind == Kind.IDENT && text.equalsIgnoreCase(k); }
    }

    private final String s;
    private int i;
    private Token peeked;

    Cql2Lexer(String s) { this.s = s; }

    Token peek() {
        if (peeked == null) peeked = read();
        return peeked;
    }

    Token next() {
        Token t = peek();
        peeked = null;
        return t;
    }

    boolean peekKeyword(String k) { return peek().isKeyword(k); }

    boolean skip(Kind kind) {
        if (peek().kind() != kind) return false;
        next();
        return true;
    }

    private Token read() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        int start = i;
        if (i >= s.length()) return new Token(Kind.END, "", start);
        char c = s.charAt(i);
        switch (c) {
            case '(' -> { i++; return new Token(Kind.LPAREN, "(", start); }
            case ')' -> { i++; return new Token(Kind.RPAREN, ")", start); }
            case ',' -> { i++; return new Token(Kind.COMMA, ",", start); }
            case '=' -> { i++; return new Token(Kind.OP, "=", start); }
            case '<', '>', '!' -> {
                i++;
                if (i < s.length() && (s.charAt(i) == '=' || (c == '<' && s.charAt(i) == '>'))) i++;
                String op = s.substring(start, i);
                if (op.equals("!")) throw bad(start, "unexpected '!'");
                return new Token(Kind.OP, op, start);
            }
            case '\'' -> { return quoted('\'', Kind.STRING, start); }
            case '"' -> { return quoted('"', Kind.QUOTED_IDENT, start); }
            default -> { }
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && i + 1 < s.length()
                && (Character.isDigit(s.charAt(i + 1)) || s.charAt(i + 1) == '.'))) {
            i++;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < s.length() && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
                while (i < s.length() && Character.isDigit(s.charAt(i))) i++;
            }
            return new Token(Kind.NUMBER, s.substring(start, i), start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == ':'
                    || s.charAt(i) == '.')) i++;
            return new Token(Kind.IDENT, s.substring(start, i), start);
        }
        throw bad(start, "unexpected character '" + c + "'");
    }

    /** A quoted string or identifier; a doubled quote stands for one. */
    private Token quoted(char q, Kind kind, int start) {
        StringBuilder sb = new StringBuilder();
        i++;
        while (true) {
            if (i >= s.length()) throw bad(start, (kind == Kind.STRING ? "string" : "quoted name") + " is not closed");
            char c = s.charAt(i++);
            if (c == q) {
                if (i < s.length() && s.charAt(i) == q) {
                    sb.append(q);
                    i++;
                } else {
                    break;
                }
            } else {
                sb.append(c);
            }
        }
        return new Token(kind, sb.toString(), start);
    }

    private static ApiException bad(int pos, String message) {
        return ApiException.badField("filter", message + " at position " + (pos + 1));
    }

    static String upper(String s) { return s.toUpperCase(Locale.ROOT); }
}
