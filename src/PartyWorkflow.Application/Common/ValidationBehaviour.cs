using Mediator;

namespace PartyWorkflow.Application.Common;

/// <summary>Malformed input gets a 400 listing every bad field, before any handler runs.</summary>
public sealed class ValidationBehaviour<TMessage, TResponse> : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IValidate validatable)
        {
            var errors = validatable.Validate()
                .GroupBy(e => e.Field)
                .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray());
            if (errors.Count > 0) throw new InvalidInputException(errors);
        }
        return next(message, cancellationToken);
    }
}
