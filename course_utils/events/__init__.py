"""PLOVER events from a trigger lexicon and frames, and the timeline built from them.

The pipeline has named stages, each in its own module: ``sentences`` (tokens, clauses,
quotations, actor mentions, dates; what refers back is resolved there in one step:
descriptions such as "the bloc", "the junta", "the group" in ``resolve_references``, "he"
or "she" opening a sentence in ``resolve_pronouns``), ``triggers`` (trigger words and their
part of speech, from the lexicons and the function words), ``frames`` (voice, polarity,
modality and the frame of ``frames.csv`` that fits), ``filters`` (why a trigger is no
event), ``actor`` and ``recipient`` (the role rules), ``speech`` (attribution and
hedges), ``dating`` (which date belongs to a trigger) and ``pipeline`` (the dates of
events, duplicates, the tables). Every event row has a ``rule``
column (the trigger, the frame, and which actor and recipient rules fired), and
:func:`explain_events` lists every candidate trigger with its decision and reason.

An event is a trigger word from ``data/lexicons/plover_triggers.csv`` ("met", "offer",
"accused"…) in a body sentence, with a PLOVER type, an acting ``actor`` and perhaps a
``recipient`` (both taken from the actor mentions), ``attributed_to`` (whose claim it is),
``hedged`` (reported, claimed or only expected) and a date. The rules, in the order they
are applied (every word list is a CSV file in ``data/lexicons`` that instructors can edit):

1. **Triggers.** A word matches a trigger if it is one of its forms: verbs in -s, -ed, -ing
   (with the spelling rules "cancel → cancelled", "deny → denied") plus irregular forms
   listed in the lexicon; nouns and their plurals. A word that is both (``offer``) is a noun
   after a determiner ("such an offer") and a verb after "to" ("expected to visit"). A noun
   trigger followed by another word of its noun phrase ("offensive military operations") is
   an adjective and no event; a verb-only trigger after "a" or "the" ("a veto"), or in its
   base form after "a" and one adjective ("a first sign"), is a noun and no event. A phrase
   may have a time expression inside it ("called this week for"); a hyphenated word matches
   a trigger written without the hyphen, and the second half of a compound starts no phrase
   and is no verb ("cease-fire on", "a Moscow-brokered truce"). Some verbs are triggers only
   with certain objects (``object_triggers.csv``): "sent troops" is MOBILIZE, "released
   prisoners" RETREAT, "released 2 million dollars in aid" AID, "declared a ceasefire" CONCEDE,
   "struck a deal" AGREE, "sent a letter" nothing; the object decides over the lexicon
   ("withdrew the bill" is CONCEDE). A ceasefire named alone ("committed to the ceasefire")
   is no event.
2. **Not events.** Sentences that start with "If" or "Unless" (what might happen); a trigger
   after "if", "unless" or "once" later in the sentence, with no comma between ("would return
   once its demands were met"); a trigger after a negation ("did not agree"), or a verb whose
   subject starts with "no" ("no troops would be deployed"); a verb in the "to" complement of
   another trigger or of "fail", "refuse" ("refused to condemn", "agreed last year to
   supply": one event), also after a date ("a march for Sunday to demand"); an -ing
   verb after "of", "on", "about" ("accused X of shelling", "a protocol on withdrawing
   troops"); a verb in the "that" clause of a request ("demanded that X veto"); a plural right
   after a verb trigger ("rejected calls for talks"); a noun that is the object of a verb
   trigger before it in its clause ("cancelled … a meeting": the cancelling is the event),
   unless "during", "amid", "after" … introduce it ("during the clashes"); a verb in the
   "to" infinitive of a request ("urged X to release Y"); a threat someone faces ("faced a
   threat from X"); a request that is the reason for another act ("at X's request"); a noun
   in a clause ", ending …" that describes the sentence's event; what an accusation alleges
   (", saying Y had shelled Z" after "accused"). Verb forms that name no act: a state
   ("remained suspended"), "met" in the passive ("once demands were met"), an -ed form before
   its noun ("the detained activists", "over disputed land"), and a coercive verb in -ed with
   no auxiliary and no object ("the men held after the riots"). A trigger word inside an
   actor mention is part of a name ("the Kalonia Support Mission"); a verb in the "that"
   clause of a denial or an allegation is what is denied or alleged ("denied that it had
   accepted"); ", saying …" after a rejection gives its reason; a relative clause in the
   present perfect with no date of its own is background ("…, where rebels have seized …").
3. **Actor.** For a verb: the agent after "by" in a passive ("denounced by Russia"; a date
   and a title may come between: "was signed early on Tuesday by Premier X"); the
   speaker for a trigger inside a quotation; the first of two parties named jointly ("X and
   his counterpart Y signed", and inside a relative clause: "…, which X and Y signed");
   otherwise the first actor mention of the clause before the trigger (the subject),
   skipping mentions after a preposition ("an affair of Georgia"), or in reported speech
   with no such subject the speaker. ", who …" takes the mention before
   it; ", where …" and ", when …" without a subject have no actor. Right after a speech verb,
   "he" or "she" is the speaker, and so is "it" when the speaker is no person ("the party
   said it would …"); "they" is left to the sentence before. A sentence that opens with
   "It" or "They" takes the subject of the sentence before, "He" or "She" its first person.
   A verb right after "and" shares the subject of the verb trigger before it ("X accused Y
   of … and called on Z": X asks); "X, a former officer who …, said" has X as its speaker.
   For a noun: the actor after "by"/"from", or a mention inside its noun phrase
   ("Azerbaijan's blockade", "the Russian criticism"); "its" or "their" in the phrase, a light
   verb ("made an offer", "reaffirmed Ankara's support"), the noun as subject or as object
   ("will approve new sanctions") point to the clause's subject. Mentions joined by a hyphen
   ("Russian-led") are modifiers, not actors.
4. **Recipient.** The first actor mention after the trigger in its clause (not after "by"
   or "according to", not the speaker of a closing ", spokesman X said", not the subject of a
   "that" clause, except after a request: "demanded that X stop" asks X; not past "and" and
   another verb, not inside a "to"-complement); a person named in the same phrase wins over
   a state ("the Russian ambassador to Armenia, Sergei Kopyrkin"). "urged them" points to
   the people named before; "X and Y met" gives Y. A noun takes "against/on/to/with/for X"
   right after it ("support for Baku"), "of X" for attacks and accusations, or a "with X"
   after a place or date ("talks in Oslo on Friday with X"; "talks with his counterpart,
   X" names X). A coercive verb in the passive with no agent ("Y had been detained") takes Y as the
   recipient; its actor is the state or state institution that reports it, if one does. An
   attack in the passive with no agent ("Y were attacked") has Y as recipient and no actor.
   A deployment is aimed only at "to X" or "against X" right after a preposition: "to its
   frontier with X" is a place. A warning is aimed at whom it names before "that"; an
   allegation ("alleged that X had …") at the subject of its "that" clause. "X and Y held
   talks" gives Y, as "X and Y met" does; a state is no recipient of its own institution's
   act ("X: authorities" and "X").
5. **Attribution and hedges.** "according to X", "X said/told/claimed …", and quotations
   give ``attributed_to``; cues in ``hedges.csv`` ("reportedly", "claimed", "is expected
   to", "will", "may") in the trigger's clause (or, for "claimed", anywhere before it) set
   ``hedged``.
6. **Dates.** A trigger takes the date expression of its own clause, else the nearest one in
   its own sentence: it never borrows while its sentence has a date. A sentence with no date
   takes the date of the sentence just before it in the same paragraph (``date_source``
   "context"), unless a word such as "afterwards" or "later" says time has moved on, or the
   trigger's clause is a standing position in the present perfect ("has long demanded",
   "negotiations have stalled for decades"). A relative clause set off by commas after the subject
   ("X, who had promised to block the law, praised …") is background: with no date of its own
   it gives no event. An event from context that repeats one of that sentence (same
   type and actor) is the same event reported twice and is dropped, and so is an event that
   another of its sentence covers (same type and date, its actor and recipient the same or
   empty: "held talks … during a visit" is one consultation).
7. **Conditional threats.** A hostile act, or "review", "suspend" … of cooperation, after
   "could", "would", "will" and before "if" or "unless" is a THREATEN event ("could review its
   cooperation with X if …"); in reported speech the speaker makes the threat.
8. **Sections.** Only body sentences give events: a caption dates a photo, not a reported
   event, and the title repeats the story (pass ``sections=`` to change this).
9. **Descriptions that refer back.** "the bloc", "the ministry", "the minister" are the
   most recent matching actor (cue kinds ``organization_word``, ``institution_word``,
   ``title_word`` in ``event_cues.csv``). "On Monday, he …": a pronoun after a fronted
   adverbial refers back like one at the start. ", as X accused …" starts a clause of its
   own. "an accusation X denied", "which X rejected": X acts. "X said that Y …, an
   accusation …": X accuses Y. "X, who …, is expected to meet Z": X meets Z.
10. **Acts named by their object.** "agreed to extend its sanctions against X" is a SANCTION
   (the subject of "agreed" acts), not an AGREE; "imposed sanctions" reads "sanctions" as a
   noun (the object of a light verb). "to monitor the ceasefire", "would study the request":
   a known act as the object of a plain verb is no new event. Any hostile act agreed to is
   that act ("agreed to deploy troops" is a MOBILIZE), but agreeing to send peacekeepers or
   monitors, or help at someone's request, stays an AGREE.

>>> import pandas as pd
>>> from course_utils.article import clean_article
>>> article = clean_article("Talks\\n\\nAlpha on Monday met with Beta.", "2023-02-03")
>>> rows = [("Alpha", "state", "Alpha", 7, 12, 1, "-"), ("Beta", "state", "Beta", 31, 35, 1, "-")]
>>> mentions = pd.DataFrame(
...     rows, columns=["actor", "kind", "text", "start", "end", "sentence", "method"]
... )
>>> build_timeline(article, mentions=mentions)[["value", "event_type", "actor", "recipient"]]
        value event_type  actor recipient
0  2023-01-30    CONSULT  Alpha      Beta
"""

from course_utils.events.lexicon import PLOVER_TYPES, Frame, Lexicon, inflect, load_lexicon
from course_utils.events.pipeline import (
    EVENT_COLUMNS,
    EXPLAIN_COLUMNS,
    TIMELINE_COLUMNS,
    build_timeline,
    explain_events,
    find_events,
)
from course_utils.events.triggers import find_triggers

__all__ = [
    "EVENT_COLUMNS",
    "EXPLAIN_COLUMNS",
    "PLOVER_TYPES",
    "TIMELINE_COLUMNS",
    "Frame",
    "Lexicon",
    "build_timeline",
    "explain_events",
    "find_events",
    "find_triggers",
    "inflect",
    "load_lexicon",
]
