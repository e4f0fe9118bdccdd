using System;
using System.Collections.Generic;
using K6Scenarios.OpenApi.Parsing;

namespace K6Scenarios.OpenApi.Building;

/// <summary>
/// Resolves local <c>$ref</c>s (<c>#/components/schemas/User</c>, JSON-pointer escapes <c>~0</c>
/// <c>~1</c>, percent-encoding). External or dangling references resolve to null with a warning.
/// </summary>
internal sealed class ReferenceResolver
{
    private const int MaxHops = 32;

    private readonly DocumentNode _root;
    private readonly WarningSink _warnings;

    public ReferenceResolver(DocumentNode root, WarningSink warnings)
    {
        _root = root;
        _warnings = warnings;
    }

    /// <summary>The node itself when it has no <c>$ref</c>, else the end of its reference chain; null when that cannot be found.</summary>
    public DocumentNode? Resolve(DocumentNode? node)
    {
        var current = node;
        List<DocumentNode>? visited = null;
        while (current is not null && current.IsMapping)
        {
            var reference = current.Get("$ref");
            if (reference is null)
            {
                return current;
            }

            if (reference.Kind != NodeKind.String)
            {
                _warnings.Add("$ref must be a string such as '#/components/schemas/Name'; it is ignored", reference);
                return null;
            }

            visited ??= new List<DocumentNode>();
            if (visited.Contains(current) || visited.Count >= MaxHops)
            {
                _warnings.Add("$ref '" + reference.Text + "' is part of a reference cycle that never reaches a definition; it is treated as unknown", reference);
                return null;
            }

            visited.Add(current);
            current = Lookup(reference);
        }

        return current;
    }

    private DocumentNode? Lookup(DocumentNode reference)
    {
        var text = reference.Text;
        if (text.Length == 0 || text[0] != '#')
        {
            _warnings.Add("external $ref '" + text + "' is not followed (only references inside this document are); its target is treated as unknown", reference);
            return null;
        }

        if (text.Length == 1)
        {
            return _root;
        }

        if (text[1] != '/')
        {
            _warnings.Add("$ref '" + text + "' is not a JSON pointer (write '#/components/...'); its target is treated as unknown", reference);
            return null;
        }

        var current = _root;
        var start = 2;
        while (true)
        {
            var slash = TextSearch.IndexOf(text, '/', start);
            var raw = text.Substring(start, (slash < 0 ? text.Length : slash) - start);
            var segment = Unescape(raw);
            DocumentNode? next = null;
            if (current.IsMapping)
            {
                next = current.Get(segment);
            }
            else if (current.IsSequence && int.TryParse(segment, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index) && index < current.Items.Count)
            {
                next = current.Items[index];
            }

            if (next is null)
            {
                _warnings.Add("$ref '" + text + "' points to nothing in this document ('" + segment + "' is missing); its target is treated as unknown", reference);
                return null;
            }

            current = next;
            if (slash < 0)
            {
                return current;
            }

            start = slash + 1;
        }
    }

    private static string Unescape(string segment)
    {
        var decoded = TextSearch.Contains(segment, '%') ? SafeUnescapeData(segment) : segment;
        if (!TextSearch.Contains(decoded, '~'))
        {
            return decoded;
        }

        // "~1" first, then "~0", so that "~01" stays "~1".
        return TextSearch.ReplaceOrdinal(TextSearch.ReplaceOrdinal(decoded, "~1", "/"), "~0", "~");
    }

    private static string SafeUnescapeData(string segment)
    {
        try
        {
            return Uri.UnescapeDataString(segment);
        }
        catch (UriFormatException)
        {
            return segment;
        }
    }
}
