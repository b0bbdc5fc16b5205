namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// Splits a PQL query into tokens the way Porla's ANTLR lexer does: the longest match wins and, between matches
/// of one length, the keyword or unit beats the identifier, so <c>and</c>, <c>m</c> or <c>kb</c> are never names
/// while <c>andy</c> or <c>mbit</c> are. Keywords are lower case only; a string runs to the next quote and has no
/// escapes; whitespace separates and is dropped.
/// </summary>
internal static class PqlLexer
{
    /// <summary>The tokens of <paramref name="query"/>, ending with <see cref="PqlTokenKind.End"/> or, at a character no token starts with, <see cref="PqlTokenKind.Unrecognized"/>.</summary>
    public static List<PqlToken> Tokenize(string query)
    {
        var tokens = new List<PqlToken>();
        var lineStart = 0;
        var i = 0;
        while (i < query.Length)
        {
            var c = query[i];
            var column = i - lineStart;
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                i++;
                if (c == '\n')
                {
                    lineStart = i;
                }

                continue;
            }

            if (IsLetter(c))
            {
                var end = i;
                while (end < query.Length && IsLetter(query[end]))
                {
                    end++;
                }

                var word = query[i..end];
                if (word == "is" && end < query.Length && query[end] == ':')
                {
                    tokens.Add(new PqlToken(PqlTokenKind.Is, "is:", column));
                    i = end + 1;
                    continue;
                }

                tokens.Add(new PqlToken(KindOfWord(word), word, column));
                i = end;
                continue;
            }

            if (char.IsAsciiDigit(c) || c == '-' && i + 1 < query.Length && char.IsAsciiDigit(query[i + 1]))
            {
                var end = i + 1;
                while (end < query.Length && char.IsAsciiDigit(query[end]))
                {
                    end++;
                }

                var kind = PqlTokenKind.Integer;
                if (end + 1 < query.Length && query[end] == '.' && char.IsAsciiDigit(query[end + 1]))
                {
                    kind = PqlTokenKind.Decimal;
                    end += 2;
                    while (end < query.Length && char.IsAsciiDigit(query[end]))
                    {
                        end++;
                    }
                }

                tokens.Add(new PqlToken(kind, query[i..end], column));
                i = end;
                continue;
            }

            if (c == '"')
            {
                var close = query.IndexOf('"', i + 1);
                if (close < 0)
                {
                    tokens.Add(Unrecognized(query[i..], column));
                    return tokens;
                }

                tokens.Add(new PqlToken(PqlTokenKind.Text, query[(i + 1)..close], column));
                i = close + 1;
                continue;
            }

            var (symbol, length) = c switch
            {
                '=' => (PqlTokenKind.Equal, 1),
                '<' when At(query, i + 1, '=') => (PqlTokenKind.LessOrEqual, 2),
                '<' => (PqlTokenKind.Less, 1),
                '>' when At(query, i + 1, '=') => (PqlTokenKind.GreaterOrEqual, 2),
                '>' => (PqlTokenKind.Greater, 1),
                '(' => (PqlTokenKind.OpenParen, 1),
                ')' => (PqlTokenKind.CloseParen, 1),
                _ => (PqlTokenKind.Unrecognized, 1),
            };
            if (symbol == PqlTokenKind.Unrecognized)
            {
                tokens.Add(Unrecognized(query.Substring(i, 1), column));
                return tokens;
            }

            tokens.Add(new PqlToken(symbol, query.Substring(i, length), column));
            i += length;
        }

        tokens.Add(new PqlToken(PqlTokenKind.End, "", query.Length - lineStart));
        return tokens;
    }

    private static PqlTokenKind KindOfWord(string word) => word switch
    {
        "and" => PqlTokenKind.And,
        "or" => PqlTokenKind.Or,
        "not" => PqlTokenKind.Not,
        "contains" => PqlTokenKind.Contains,
        "s" or "m" or "h" or "d" or "w" => PqlTokenKind.DurationUnit,
        "b" or "kb" or "mb" or "gb" or "tb" or "pb" => PqlTokenKind.SizeUnit,
        "bps" or "kbps" or "mbps" or "gbps" => PqlTokenKind.SpeedUnit,
        _ => PqlTokenKind.Identifier,
    };

    private static bool IsLetter(char c) => char.IsAsciiLetter(c) || c == '_';

    private static bool At(string query, int index, char c) => index < query.Length && query[index] == c;

    // ANTLR's wording for a character no token starts with. The parser meets it where it reads that far, so an
    // earlier syntax error is reported first, as with ANTLR's lexer that runs only as far as its parser reads.
    private static PqlToken Unrecognized(string text, int column) => new(PqlTokenKind.Unrecognized, $"token recognition error at: '{text}'", column);
}
