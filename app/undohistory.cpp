#include "undohistory.h"

#include <QUndoStack>

#include <algorithm>

#include <vector>

namespace roofline {

namespace {
// Bytes a string holds on the heap (short strings live inside the object).
std::size_t heapBytes(const std::string &text)
{
    return text.capacity() > std::string().capacity() ? text.capacity() + 1 : 0;
}

std::size_t heapBytes(const ModelConfig &model)
{
    return heapBytes(model.id) + heapBytes(model.name) + heapBytes(model.modelType);
}

std::size_t heapBytes(const GpuSpec &gpu)
{
    return heapBytes(gpu.id) + heapBytes(gpu.name) + heapBytes(gpu.note);
}

std::size_t heapBytes(const Scenario &scenario)
{
    return heapBytes(scenario.model) + heapBytes(scenario.gpu)
        + (scenario.sweep.batches.capacity() + scenario.sweep.seqs.capacity() + scenario.sweep.tokensPerStep.capacity())
        * sizeof(std::int64_t);
}

std::size_t heapBytes(const Pin &pin)
{
    return heapBytes(pin.label) + heapBytes(pin.scenario);
}

std::size_t heapBytes(const Annotation &annotation)
{
    return heapBytes(annotation.text);
}

std::size_t heapBytes(const MeasuredKernel &kernel)
{
    return heapBytes(kernel.name);
}

template<typename T>
std::size_t listBytes(const SharedList<T> &list)
{
    std::size_t bytes = list.empty() ? 0 : sizeof(std::vector<T>) + list.size() * sizeof(T);
    for (const T &item : list)
        bytes += heapBytes(item);
    return bytes;
}

// What one snapshot holds outside its shared lists.
std::size_t ownBytes(const StateSnapshot &s)
{
    return sizeof(StateSnapshot) + heapBytes(s.session.model) + heapBytes(s.session.gpu)
        + heapBytes(s.session.gpuBaseId) + (s.session.secondGpu ? heapBytes(*s.session.secondGpu) : 0);
}

} // namespace

std::size_t stepBytes(const StateSnapshot &before, const StateSnapshot &after)
{
    const Session &b = before.session;
    const Session &a = after.session;
    return ownBytes(before) + ownBytes(after) + (b.pins.sharesStorageWith(a.pins) ? 0 : listBytes(b.pins))
        + (b.annotations.sharesStorageWith(a.annotations) ? 0 : listBytes(b.annotations))
        + (b.measured.sharesStorageWith(a.measured) ? 0 : listBytes(b.measured));
}


namespace {
const ChangeCommand *commandAt(const QUndoStack *stack, int index)
{
    return static_cast<const ChangeCommand *>(stack->command(index));
}

} // namespace

std::size_t historyBytes(const QUndoStack *stack)
{
    std::size_t bytes = 0;
    for (int i = 0; i < stack->count(); ++i)
        bytes += commandAt(stack, i)->bytes();
    return bytes;
}

void trimUndoHistory(QUndoStack *stack, int maxSteps, std::size_t maxBytes)
{
    // Just after a push every step is below the index: there is nothing to redo.
    const int count = stack->count();
    std::size_t bytes = historyBytes(stack);
    // Past the count, the oldest tenth goes at once: a trim copies every step it keeps (2 ms at a thousand
    // steps), and trimming one step at every push made each typed number or arrow key cost that much.
    const int keep = count > maxSteps ? std::max(1, maxSteps - maxSteps / 10) : count;
    int drop = 0;
    while (count - drop > keep)
        bytes -= commandAt(stack, drop++)->bytes();
    while (count - drop > 1 && bytes > maxBytes)
        bytes -= commandAt(stack, drop++)->bytes();
    if (drop == 0)
        return;
    // QUndoStack drops its oldest steps only for a count limit fixed while it is empty: the steps kept are
    // copied, the stack cleared, and the copies pushed back without touching the state. The saved state
    // stays marked where it was, or nowhere if it was among the steps dropped.
    std::vector<ChangeCommand *> kept;
    for (int i = drop; i < count; ++i)
        kept.push_back(commandAt(stack, i)->frozenCopy());
    const int clean = stack->cleanIndex() - drop;
    stack->clear();
    for (ChangeCommand *command : kept) {
        if (stack->index() == clean)
            stack->setClean();
        stack->push(command);
    }
    if (stack->index() == clean)
        stack->setClean();
    else if (clean < 0)
        stack->resetClean();
    for (ChangeCommand *command : kept)
        command->thaw();
}

} // namespace roofline
