using System.Globalization;

namespace TorrentCluster.Abstractions.Listing.Pql;

/// <summary>
/// Parses Porla's query language into a <see cref="TorrentCondition"/>, by recursive descent over Porla's grammar:
/// <code>
/// query      := or EOF
/// or         := and ('or' and)*
/// and        := unary ('and' unary)*
/// unary      := 'not' unary | '(' or ')' | 'is:' ID | ID operator value
/// operator   := '=' | 'contains' | '&lt;' | '&lt;=' | '&gt;' | '&gt;='
/// value      := INT unit? | FLOAT | STRING
/// </code>
/// <c>and</c> binds tighter than <c>or</c>, as in Porla's grammar. Every query Porla accepts means the same here;
/// beyond it we accept parentheses and <c>not</c> before any condition (Porla: before a flag only), and we refuse
/// text after a complete query, which Porla's parser drops without a word.
/// <para>
/// Syntax errors come first, then unknown names and values of the wrong kind, in the order they are written:
/// the order Porla's parser and its visitor find them.
/// </para>
/// </summary>
public sealed class PqlParser
{
    /// <summary>How deep parentheses and <c>not</c> may nest: the parser recurses per level, and a query is the caller's.</summary>
    public const int MaxDepth = 64;

    private const string OperatorNames = "{'=', 'contains', '>', '>=', '<', '<='}";
    private const string ValueNames = "{INT, FLOAT, STRING}";

    private readonly List<PqlToken> _tokens;
    private int _next;
    private int _depth;
    private PqlSyntaxException? _firstMeaningError;

    private PqlParser(string query)
    {
        _tokens = PqlLexer.Tokenize(query);
    }

    /// <summary>The condition <paramref name="query"/> states.</summary>
    /// <exception cref="PqlSyntaxException">The query is not valid PQL; the exception says why and where.</exception>
    public static TorrentCondition Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var parser = new PqlParser(query);
        var condition = parser.ParseOr();
        if (parser.Peek.Kind != PqlTokenKind.End)
        {
            throw Mismatched(parser.Peek, "{<EOF>, 'and', 'or'}", "extraneous input");
        }

        return parser._firstMeaningError is { } error ? throw error : condition;
    }

    private PqlToken Peek => Readable(_tokens[_next]);

    private PqlToken Take() => Readable(_tokens[_next++]);

    private static PqlToken Readable(PqlToken token) =>
        token.Kind == PqlTokenKind.Unrecognized ? throw new PqlSyntaxException(token.Text, token.Column) : token;

    private TorrentCondition ParseOr()
    {
        var parts = new List<TorrentCondition> { ParseAnd() };
        while (Peek.Kind == PqlTokenKind.Or)
        {
            Take();
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new AnyOfCondition(parts);
    }

    private TorrentCondition ParseAnd()
    {
        var parts = new List<TorrentCondition> { ParseUnary() };
        while (Peek.Kind == PqlTokenKind.And)
        {
            Take();
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AllOfCondition(parts);
    }

    private TorrentCondition ParseUnary()
    {
        var token = Take();
        switch (token.Kind)
        {
            case PqlTokenKind.Not:
                return new NotCondition(Nested(token, ParseUnary));
            case PqlTokenKind.OpenParen:
                var inner = Nested(token, ParseOr);
                Expect(PqlTokenKind.CloseParen, "')'");
                return inner;
            case PqlTokenKind.Is:
                return ParseFlag(token);
            case PqlTokenKind.Identifier:
                return ParseComparison(token);
            default:
                throw Mismatched(token, "{'not', 'is:', '(', ID}");
        }
    }

    private TorrentCondition Nested(PqlToken opening, Func<TorrentCondition> parse)
    {
        if (++_depth > MaxDepth)
        {
            throw new PqlSyntaxException($"Query nested deeper than {MaxDepth} levels", opening.Column);
        }

        var condition = parse();
        _depth--;
        return condition;
    }

    private FlagCondition ParseFlag(PqlToken @is)
    {
        var name = Expect(PqlTokenKind.Identifier, "ID");
        if (PqlReferences.TryFindFlag(name.Text, out var flag))
        {
            return new FlagCondition(flag);
        }

        // Porla places an unknown flag at the start of the flag, its 'is:'.
        Defer($"Invalid flag '{name.Text}'", @is.Column);

        // Never evaluated: the deferred error is thrown once the rest of the query has parsed.
        return new FlagCondition(PqlFlagName.Paused);
    }

    private ComparisonCondition ParseComparison(PqlToken reference)
    {
        var operatorToken = Take();
        var @operator = operatorToken.Kind switch
        {
            PqlTokenKind.Equal => PqlOperator.Equal,
            PqlTokenKind.Contains => PqlOperator.Contains,
            PqlTokenKind.Less => PqlOperator.Less,
            PqlTokenKind.LessOrEqual => PqlOperator.LessOrEqual,
            PqlTokenKind.Greater => PqlOperator.Greater,
            PqlTokenKind.GreaterOrEqual => PqlOperator.GreaterOrEqual,
            _ => throw Mismatched(operatorToken, OperatorNames),
        };
        var valueToken = Peek;
        var value = ParseValue();

        if (!PqlReferences.TryFind(reference.Text, out var field))
        {
            Defer($"Invalid reference '{reference.Text}'", reference.Column);
        }
        else if (PqlReferences.RefusesOperator(reference.Text, @operator) is { } badOperator)
        {
            Defer(badOperator, operatorToken.Column);
        }
        else if (PqlReferences.RefusesValue(reference.Text, value.Kind) is { } badValue)
        {
            Defer(badValue, valueToken.Column);
        }

        return new ComparisonCondition(field, @operator, value);
    }

    private PqlValue ParseValue()
    {
        var token = Take();
        switch (token.Kind)
        {
            case PqlTokenKind.Text:
                return PqlValue.Of(token.Text);
            case PqlTokenKind.Decimal:
                return PqlValue.Of(float.Parse(token.Text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture));
            case PqlTokenKind.Integer:
                if (!long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    throw new PqlSyntaxException($"Invalid value '{token.Text}' - out of range", token.Column);
                }

                if (Peek.Kind is not (PqlTokenKind.DurationUnit or PqlTokenKind.SizeUnit or PqlTokenKind.SpeedUnit))
                {
                    return PqlValue.Of(integer);
                }

                var unit = Take();
                try
                {
                    return PqlValue.Of(checked(integer * PqlUnits.Multiplier(unit.Text)));
                }
                catch (OverflowException)
                {
                    throw new PqlSyntaxException($"Invalid value '{token.Text} {unit.Text}' - out of range", token.Column);
                }

            default:
                throw Mismatched(token, ValueNames);
        }
    }

    private PqlToken Expect(PqlTokenKind kind, string expecting)
    {
        var token = Take();
        return token.Kind == kind ? token : throw Mismatched(token, expecting);
    }

    private void Defer(string message, int column) => _firstMeaningError ??= new PqlSyntaxException(message, column);

    // ANTLR's wording, which Porla passes on as the error's message.
    private static PqlSyntaxException Mismatched(PqlToken token, string expecting, string what = "mismatched input") =>
        new($"{what} {token.Display} expecting {expecting}", token.Column);
}
