using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PartyWorkflow.Api.Tests.Infrastructure;

/// <summary>Every log line the server writes, at every level, with its exception and scopes, for tests that read what the logs hold.</summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => capture.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new List<string>();
            capture.scopes.ForEachScope((s, list) => list.Add(s is IEnumerable<KeyValuePair<string, object?>> pairs
                ? string.Join(", ", pairs.Select(p => $"{p.Key}:{p.Value}")) : s?.ToString() ?? ""), scope);
            capture.lines.Enqueue($"{logLevel} {category} [{string.Join(" > ", scope)}] {formatter(state, exception)} {exception}");
        }
    }
}
