#pragma once

#include "statesnapshot.h"

#include <QUndoCommand>

#include <functional>

class QUndoStack;

// The window's undo history: one step per change of the state, the steps of one drag merged, and a history
// kept under a number of steps and of bytes (ExplorerState::MaxUndoSteps, MaxUndoBytes, in explorerstate.h).

namespace roofline {

// What a step holds that neither the step after it nor the current session does, estimated in bytes: its own
// snapshots, and the lists of `before` that its change replaced (unchanged lists share storage).
std::size_t stepBytes(const StateSnapshot &before, const StateSnapshot &after);

// One undo step: the snapshot before and after. Steps of the same drag of the same control merge.
class ChangeCommand : public QUndoCommand
{
public:
    // `restore` puts a snapshot back (the state's own restore).
    using Restore = std::function<void(const StateSnapshot &)>;
    ChangeCommand(Restore restore, const QString &text, int mergeKind, int dragSerial, StateSnapshot before, StateSnapshot after)
        : QUndoCommand(text)
        , m_restore(std::move(restore))
        , m_mergeKind(mergeKind)
        , m_dragSerial(dragSerial)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_bytes(stepBytes(m_before, m_after))
    {
    }
    // A copy to put back on the stack after its oldest steps were dropped; inert until thawed.
    ChangeCommand *frozenCopy() const
    {
        auto *copy = new ChangeCommand(m_restore, text(), m_mergeKind, m_dragSerial, m_before, m_after);
        copy->m_frozen = true;
        return copy;
    }
    void thaw() { m_frozen = false; }
    std::size_t bytes() const { return m_bytes; }
    int id() const override { return m_mergeKind; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const ChangeCommand *>(other);
        if (m_frozen || next->m_frozen || m_dragSerial < 0 || next->m_dragSerial != m_dragSerial)
            return false;
        m_after = next->m_after;
        m_bytes = stepBytes(m_before, m_after);
        return true;
    }
    void undo() override { m_restore(m_before); }
    // Pushing a frozen copy back on the stack redoes it: the state is already there.
    void redo() override
    {
        if (!m_frozen)
            m_restore(m_after);
    }

private:
    Restore m_restore;
    int m_mergeKind;
    int m_dragSerial;
    StateSnapshot m_before;
    StateSnapshot m_after;
    std::size_t m_bytes;
    bool m_frozen = false;
};

// What the whole history holds beyond the current session.
std::size_t historyBytes(const QUndoStack *stack);
// Drops the oldest steps until at most `maxSteps` remain and they hold at most `maxBytes`; past `maxSteps`, down
// to nine tenths of it at once, so that a full history is trimmed once every tenth of it, not at every push.
// The newest step is always kept, and the saved state stays marked where it was (or nowhere, if its step was
// dropped).
void trimUndoHistory(QUndoStack *stack, int maxSteps, std::size_t maxBytes);

} // namespace roofline
