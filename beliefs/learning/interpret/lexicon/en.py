"""English. Concept names are described in ``lexicon/__init__.py``."""

from __future__ import annotations

LEXICON: dict[str, tuple[str, ...]] = {
    # ---- Polarity operators -------------------------------------------------------------------
    # Grammatical negation. Negative concord ("never … no") counts once.
    "neg": (
        "not", "no", "don'?t", "do not", "doesn'?t", "does not", "didn'?t", "did not", "won'?t", "will not", "can'?t",
        "cannot", "can not", "shouldn'?t", "needn'?t", "nothing", "none", "no more", "not any", "not a single",
        "no need (?:to|for)", "there'?s no need (?:to|for)", "you don'?t (?:have|need) to",
        "you do not (?:have|need) to", "i don'?t need", "i do not need", "don'?t need", "without any", "hardly",
        "zero",
    ),
    # "Never" negates and also makes a lasting rule ("never open with pleasantries").
    "never": ("never", "never ever"),
    # A copula that carries the negation: "it's not too long" is praise, not a request.
    "negcop": (
        "isn'?t", "is not", "it'?s not", "that'?s not", "this is not", "wasn'?t", "was not", "aren'?t", "are not",
        "it isn'?t", "that isn'?t",
    ),
    # Postposed negation or rejection of the preceding object: "emojis aren't necessary".
    "negpost": (
        "(?:is|are|'re|'s) (?:not|n'?t) (?:necessary|needed|required|helpful)", "aren'?t necessary", "isn'?t necessary",
        "not necessary", "unnecessary", "not needed", "aren'?t needed", "can go", "have to go", "has to go", "must go",
        "(?:is|are) overkill", "overkill", "(?:aren'?t|isn'?t|are not|is not|not) enough", "(?:are|is) wasted on me",
        "wasted on me", "(?:please|pls|plz) stop", "stop it", "no thanks", "no thank you",
    ),
    # Taking something away.
    "remove": (
        "without", "w/o", "skip(?:ping|ped)?", "drop(?:ping|ped)?", "los(?:e|ing)", "ditch(?:ing)?", "cut(?:ting)?",
        "cut out", "leav(?:e|ing) out", "leave off", "remov(?:e|ing)", "get(?:ting)? rid of",
        "stop (?:using|adding|putting|with|giving me|including)", "stop(?:ping)?", "quit", "enough with", "enough of",
        "spare me", "lay off", "avoid(?:ing)?", "omit(?:ting)?", "hold the", "take out", "strip out", "forget", "kill",
        "ban", "ease up on", "go easy on", "tone down", "cut back on", "cut down on", "don'?t bother with", "save me",
    ),
    "removepost": ("(?:leave|take) (?:it|them|that|those) out", "out", "gone", "away", "be gone"),
    # Giving or keeping something.
    "add": (
        "add", "adding", "use", "using", "include", "including", "address me", "talk to me", "write to me", "put",
        "throw in", "toss in", "sprinkle in", "sprinkle", "i want", "i need", "i'?d like", "i would like", "want",
        "need", "bring back", "bring (?:them|it) back", "feel free to (?:use|add)", "go ahead and use", "a short",
        "a quick", "a brief", "just", "only", "let'?s have", "i'?d appreciate", "i would appreciate", "keep using",
        "see", "to see", "more of",
        "don'?t hesitate to", "don'?t be shy (?:with|about)",
    ),
    # A preposition that adds, weakly: it loses a tie against a verdict ("with code I can't do anything").
    "with": ("with",),
    # Giving: adds an object ("give me code"), orders content ("give me 5 bullet points"), or asks
    # for an answer ("give me the answer in French").
    "give": ("give me", "show me", "show", "give", "send me", "let me see", "provide"),
    # Light quantifiers: they add ("some emojis") and they start an object ("give me some ideas").
    "some": ("some", "a few", "a couple of", "a couple"),
    "addpost": (
        "allowed", "(?:are|is) allowed", "welcome", "(?:are|is) welcome", "(?:are|is) fine", "(?:are|is) ok(?:ay)?",
        "would be (?:nice|great|good|helpful|appreciated|lovely)", "would help(?: a lot)?", "would be much appreciated",
        "wouldn'?t hurt", "would not hurt", "(?:are|is) a must", "use them", "bring them (?:back|on)",
    ),
    "whynot": ("why not", "why don'?t you", "how about", "what about"),
    # "as"/"in" before a format or "in code".
    "asin": ("as", "in", "into", "in the form of", "in a", "as a", "formatted as", "in the shape of"),
    "like": (
        "makes? me (?:happy|smile)", "cheer(?:s)? me up", "i like", "i love", "i prefer", "i'?d prefer",
        "i would prefer", "prefer", "i enjoy", "i'?m a fan of", "i am a fan of", "big fan of", "fan", "lover", "person",
        "i appreciate", "i'?m used to", "works (?:best|better) for me", "it'?s nice (?:when|if)", "i like it when",
        "it'?s (?:nicer|better) (?:when|if)", "i appreciate it when", "i love it when", "helps? me",
        "i like (?:them|it)", "i love (?:them|it)", "easier (?:for me|to follow|to read)", "i miss",
        "(?:say|says) more to me",
        "i'?m (?:totally |perfectly |completely )?(?:fine|ok|okay|good|happy) with",
    ),
    # Liking that describes the user ("I learn best from examples"): an attitude and a self-description.
    "selflike": (
        "i learn (?:best|better)(?: from| with| by)?", "i understand (?:best|better)(?: with| from)?",
        "i'?m (?:much )?more comfortable (?:with|reading|in)", "i read (?:better|faster|more easily)",
        "aprendo (?:mucho )?mejor", "entiendo mejor", "j'apprends mieux", "je comprends mieux", "je lis mieux",
        "imparo (?:molto )?meglio", "capisco meglio", "aprendo (?:muito )?melhor", "entendo melhor", "leio melhor",
        "ik leer het (?:beste|best)", "leer het beste", "ik begrijp (?:het )?beter", "lerne am besten",
        "am besten lernen", "ich lerne am besten", "ich verstehe besser",
    ),
    "dislike": (
        "(?:have |has )?(?:no|little|zero) patience (?:for|with)", "(?:just )?(?:don'?t|doesn'?t|never) get read",
        "(?:don'?t|doesn'?t|do not|does not) (?:really )?help(?: me)?",
        "confuses? me", "overwhelm(?:s|ed)?(?: me)?(?: by)?", "tire(?:s)? me(?: out)?", "(?:is|are) killing me",
        "killing me", "not (?:great|good|very good|so good) (?:with|at)",
        "(?:hopeless|terrible|bad|useless|clueless|awful) (?:with|at)",
        "(?:look|looks|seem|seems|feel|feels) (?:so |kind of |a bit )?(?:childish|silly|cheesy)", "i hate", "i dislike",
        "i can'?t stand", "can'?t stand", "annoying", "annoys me", "i'?m not a fan of", "not a fan of", "not my thing",
        "(?:is|are) not my thing", "drives? me (?:crazy|nuts|mad)", "make my brain switch off",
        "makes? my brain (?:switch|shut) off", "hard to (?:read|follow|scan)",
        "(?:look|looks|feel|feels|seem|seems) unprofessional", "unprofessional", "out of place", "distracting",
        "i never read", "(?:is|are) (?:just )?noise", "(?:feel|feels|are|is|seem|seems) (?:a (?:bit|little) )?much",
        "a bit much", "(?:are|is) (?:really |very |so )?(?:hard|difficult|tough) for me", "a struggle for me",
        "throws? me off", "(?:is|are) a nightmare", "(?:is|are) hell", "i skip", "i always skip", "i ignore", "tiring",
        "exhausting", "(?:is|are) (?:greek|chinese) to me",
        "(?:doesn'?t|does not) (?:say|mean) (?:anything|much) to me", "(?:says|means) nothing to me",
        "(?:feels?|seems?|is) (?:kind of |a bit )?cold",
        "i (?:find|found) it (?:kind of |a bit )?(?:cold|off-?putting|jarring)",
        "(?:i )?struggle with", "i have (?:a hard time|trouble|difficulty) with",
        "(?:is|are) (?:a )?(?:real )?(?:struggle|pain|chore) (?:for me|to read)", "(?:takes?|took) me forever",
        "(?:feel|feels) endless", "hard going", "heavy going",
        "(?:aren'?t|isn'?t|are not|is not) (?:really |exactly )?my thing",
        "(?:is|are) (?:of )?no use to me", "no use to me", "(?:is|are) useless to me", "useless to me",
        "(?:doesn'?t|does not|don'?t) do anything for me",
        "ugh+", "urgh", "argh",
    ),
    # A question that is a complaint: "why so stiff", "what's with all the emojis".
    "why": (
        "why", "why'?d you", "why did you", "why do you", "why is there", "why are there", "what'?s with",
        "what is with", "what'?s up with", "what'?s the deal with", "why all", "why so", "all (?:these|those)",
        "what are all (?:these|those)",
    ),
    # Complaining that something was left out asks for it.
    "omitted": (
        "you skipped(?: over)?", "you left out", "you missed", "you forgot", "you omitted", "you glossed over",
        "skipped over",
    ),
    # Knowing something makes explaining it unwanted: "I know the basics".
    "know": (
        "i know", "i already know", "i understand", "i'?m familiar with", "i am familiar with", "i get",
        "i'?ve mastered", "i master", "i'?m comfortable with", "i know all about",
    ),
    "excess": (
        ("to(?= (?:long|much|many|formal|casual|technical|basic|short|simple|complicated|complex|wordy|verbose|stiff|"
         "vague|detailed)\\b)"),
        "too", "way too", "far too", "much too", "waay too", "overly", "too much", "too many", "so much", "so many",
        "a bit too", "a little too", "kinda too", "excessively", "way too much", "way too many", "far too much",
    ),
    "excesspost": (
        "and a half",
        "(?:is|are|was|were) (?:way |far |a bit |just |simply |really )?too much(?: for me)?(?= ?(?:[.!?,;:]|$))",
        "(?:is|are|was) overdone(?: for me)?(?= ?(?:[.!?,;:]|$))",
    ),
    # Bare "so" intensifies an adjective only ("so stiff"); it never quantifies an object.
    "so": ("so",),
    "intens": (
        "very", "really", "quite", "a bit", "a little", "a little bit", "kind of", "kinda", "pretty", "rather",
        "somewhat", "extremely", "slightly", "way", "much", "even", "a tad", "ridiculously", "incredibly", "insanely",
        "bit",
    ),
    "more": (
        "more", "a bit more", "a little more", "bit more", "much more", "even more", "some more", "a lot more",
        "way more", "any more", "lots more", "extra",
    ),
    "less": ("less", "fewer", "a bit less", "a little less", "much less", "way less", "not so much", "less of"),
    "copula": (
        "it'?s", "its", "it is", "that'?s", "thats", "that is", "this is", "it was", "that was", "this was", "feels",
        "felt", "sounds", "sounded", "reads", "looks", "seems", "is", "are", "were", "you'?re", "you are", "it'?ll be",
        "it would be", "it'?d be", "that would be", "would be", "would make (?:it|this|things|them)",
        "will make (?:it|this|things)", "makes (?:it|things|everything)", "you'?re being", "you were", "getting",
    ),
    "canbe": ("can it be", "could it be"),
    # Imperative copulas and "make it" verbs: "be brief", "keep it short", "make it casual".
    "be": (
        "be", "keep it", "keep things", "keep them", "keep this", "keep that",
        "keep your (?:answers|replies|responses)", "keep (?:the )?(?:answers|replies|responses)", "make it",
        "make them", "make that", "make your (?:answers|replies|responses)", "stay", "write it", "go", "just be",
        "please be", "can you be", "could you be", "you can be", "try to be", "get", "you can get", "feel free to get",
        "keep", "make",
    ),
    "first": (
        "first", "before", "beforehand", "up front", "upfront", "to start", "before (?:the|your) answer",
        "before you (?:get into it|dive in|start)", "before the details", "to begin with",
    ),
    "start": (
        "start with", "start by", "start off with", "open with", "begin with", "lead with", "kick off with",
        "starting with", "opening with", "start", "open", "begin", "launch into",
    ),
    "please": ("please", "pls", "plz", "pleas", "plse", "kindly"),
    # Tolerating something ("I don't mind long answers") is no wish for it.
    "tolerate": (
        "(?:i )?don'?t mind", "(?:i )?do not mind", "doesn'?t bother me",
        "i can live with",
    ),
    # Doubting the wish in the clause that follows ("I don't think it needs to be shorter").
    "negthink": (
        "i don'?t think", "i do not think", "i don'?t believe", "i'?m not sure (?:it|that|you)", "i doubt",
    ),
    # A tentative offer: "Stichpunkte vielleicht?" asks for the object it offers.
    "maybe": (
        "maybe", "perhaps",
    ),
    # "As technical as you like": permission for the adjective before it.
    "aslike": (
        "as you (?:like|want|wish|please)",
    ),
    # Keeping what one answer did ("keep the bullets, just fix the typo"): about that answer, not a wish.
    "retain": (
        "keep the", "keep those", "keep these", "keep your", "leave the", "leave those", "don'?t change the",
    ),

    # ---- Scope and stance -----------------------------------------------------------------------
    # Introduces a situation that an attitude judges ("it feels cold when you …"); also a question word.
    "when": ("when",),
    "but": ("but", "however", "though", "although", "except", "unless", "anyway", "anyways", "whereas"),
    "than": ("rather than", "instead of", "than", "not just", "not only"),
    "or": ("or", "vs\\.?", "versus", "and/or"),
    "standing": (
        "from now on", "from here on(?: out)?", "from here", "going forward", "moving forward", "in (?:the )?future",
        "for future (?:answers|replies|reference|chats)", "all future", "in all future", "every time", "each time",
        "always", "whenever", "any ?time", "for the rest of (?:this|the|our) (?:chat|conversation|session)",
        "for this (?:chat|conversation)", "rules? for (?:you|this chat)", "rule for this", "remember (?:that|this)?",
        "keep in mind", "keep doing (?:that|this|it)", "as a rule", "by default", "no matter what", "with me",
        "at all times", "in general", "generally", "for all (?:your )?(?:answers|replies)", "from today", "permanently",
        "ever", "for every answer", "every answer", "all (?:your )?answers", "unless i (?:\\w+ )?ask(?: for it| you)?",
        "unless i say so", "feel free(?: to)?", "you can (?:always )?(?:call|talk|write)",
    ),
    "self": (
        "i'?m", "im", "i am", "i'?ve been", "ive been", "i have been", "i work (?:in|as|with)", "i have", "i'?ve got",
        "i use", "i mostly", "i usually",
    ),
    "selfpost": ("here",),
    "asif": (
        "as if i'?d", "as if i had", "like i'?d", "like i had", "as though i'?d",
        "like i'?m", "like im", "like i am", "as if i'?m", "as if i am", "as if i were", "as if i was",
        "as though i'?m", "as though i were", "like i was", "like i were", "like you would to",
        "like you'?d explain to", "for someone who'?s", "for someone who is", "as you would to",
    ),
    "request": (
        "can we", "could we", "shall we", "let us", "any chance (?:of|you)", "can you", "could you", "would you",
        "will you", "can u", "could u", "would you mind", "i'?d like you to", "i want you to", "i need you to",
        "let'?s", "is it possible to", "would it be possible to", "do you mind", "mind",
        "would it kill you to", "would it hurt to",
    ),
    "thanks": ("thanks", "thank you", "thx", "ty", "cheers", "much appreciated"),
    "praise": (
        "great", "nice", "good", "excellent", "fantastic", "amazing", "brilliant", "lovely", "wonderful", "solid",
        "clear", "neat", "sweet", "love this", "well done", "perfect", "great answer", "nailed it", "just right",
        "spot on", "exactly what i needed", "love it", "awesome", "super helpful", "very helpful", "helpful",
        "fine as is", "it'?s fine", "that'?s fine", "that'?s plenty", "that'?s enough", "good enough", "works for me",
        "i (?:really )?loved", "i (?:really )?liked", "loved (?:it|that|this|how)",
        "(?:really )?enjoyed (?:it|that|this|the)",
    ),
    "resolved": (
        "i figured it out", "i got it", "i get it now", "got it", "i understand now", "all good", "never ?mind",
        "it works now", "solved",
    ),
    # Phrases that would otherwise be misread, absorbed as a whole.
    # A specific earlier instance, praised or mentioned: not a standing wish ("the emoji at the end").
    "instance": ("at the end", "you used(?! to)", "you added", "you put in", "you included", "you gave"),
    "complaint": (
        "nope", "outdated", "out of date", "doesn'?t (?:even )?(?:compile|run)", "won'?t (?:compile|run)",
        "are you even (?:reading|listening)", "(?:doesn'?t|does not|didn'?t|did not) answer (?:my|the) question",
        "doesn'?t answer", "not (?:an )?answer to my question", "you got (?:it|that) wrong", "you'?re wrong",
        "this is wrong", "that'?s incorrect", "inaccurate", "not accurate", "still (?:not working|broken|failing)",
        "same (?:problem|issue)", "didn'?t help", "no help", "pointless", "waste of time", "(?:completely|way) off",
        "missing the point", "you ignored", "not quite(?: it)?", "do better", "are you sure", "that can'?t be right",
        "not what i (?:asked|meant|wanted|said) for", "you'?re not listening", "wrong", "that'?s wrong", "incorrect",
        "not correct", "not right", "that'?s not right", "false", "not true", "made up",
        "making (?:stuff|things|it) up", "you made that up", "hallucinat\\w*", "doesn'?t work", "does not work",
        "didn'?t work", "still doesn'?t work", "not working", "still broken", "same error",
        "still (?:get|getting) the same error", "useless", "not helpful", "unhelpful",
        "(?:wasn'?t|isn'?t|not) (?:very |really |at all )?helpful", "not what i (?:asked|meant|wanted|said)",
        "that'?s not what i", "didn'?t (?:even )?answer", "did not answer", "you didn'?t (?:even )?(?:answer|read)",
        "doesn'?t (?:even )?exist", "does not exist", "don'?t add up", "doesn'?t add up", "doesn'?t make sense",
        "makes no sense", "(?:keep |keeps |kept )?going in circles", "meh", "not great", "try again", "wtf",
        "disappointed", "disappointing", "nonsense", "garbage", "rubbish", "terrible", "awful", "bad answer",
        "not good", "did you even (?:check|read)", "that'?s not it", "off topic", "irrelevant", "missed the point",
        "you misunderstood", "not even close", "worse", "broken link", "no that'?s", "that doesn'?t help",
        "doesn'?t help", "bs", "bullshit", "huh\\?*",
    ),
    # Opening lines an answer should not start with; used to recognise a quoted opener ("skip the 'Great question!'").
    "opener": (
        "great question", "good question", "excellent question", "interesting question", "what a great question", "hi",
        "hello", "hey", "hi there", "certainly", "sure", "of course", "absolutely", "dear user", "dear customer",
        "happy to help", "i'?d be happy to", "great",
    ),

    # ---- Gates: text that is not about the answers ----------------------------------------------
    # Information questions open with these; "why" complaints are not among them.
    "question": (
        "how", "how do i", "how do you", "how can i", "how to", "how long", "how many", "how much", "what", "what'?s",
        "whats", "what is", "what are", "what does", "what do", "which", "where", "who", "whom", "whose", "is it",
        "is there", "is that", "is this", "are there", "does", "do i", "do you think", "should", "shall", "can i",
        "could i", "may i", "would a", "would it", "is my", "are my", "is using", "any tips", "tips (?:for|on)",
        "any (?:advice|ideas|suggestions|recommendations)",
        "is it (?:considered )?(?:rude|ok|okay|unprofessional|weird|acceptable|appropriate|bad|polite|normal) to",
        "is it (?:considered )?(?:rude|polite)",
        "do (?:people|most people|others|folks|you think people)", "does (?:anyone|everyone|anybody)",
        "is it (?:common|usual|normal) to", "are people",
    ),
    # Imperatives that order new content ("write a poem", "list three fruits").
    "task": (
        "write", "write me", "draft", "compose", "create", "generate", "make me", "name", "suggest", "recommend",
        "come up with", "outline", "rewrite", "rephrase", "turn this into", "convert", "plan", "find", "make this",
        "edit", "proofread", "help me write", "can you write", "could you write",
    ),
    "translate": (
        "translate", "translation", "how do you say", "how would you say", "how do i say", "what'?s the word for",
        "what is the word for",
    ),
    "explain": ("explain", "tell me", "describe", "teach me"),
    "wh": ("whether",),
    # Third parties ("why do people …"), "of" (content follows), a solved problem (a satisfied "no code").
    "people": ("people", "everyone", "everybody", "folks", "they", "most people", "some people", "others"),
    "anaphor": (
        "it", "this", "that", "them", "these", "those", "everything", "things", "stuff", "your answer", "the answer",
        "your reply", "the last one", "all of it", "all this", "all that", "me",
    ),
    # Parts of the last answer, named as the object of a request ("expand on the second point").
    "answerpart": (
        ("(?:the |that |this )?(?:first|second|third|fourth|last|final|previous|next|other|middle) (?:point|part|"
         "paragraph|section|step|bit|option|example|one|item|sentence)s?"),
        "(?:point|step|part|option|section) (?:\\d+|one|two|three|four|five)", "the idea", "the concept",
        "the general idea", "the big picture", "that part", "this part", "the rest",
    ),
    "indef": (
        "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "\\d+", "several",
        "my",
    ),
    "of": ("of",),
    # "tell me more about X": the topic of a new question follows.
    "about": ("about", "regarding", "on the topic of"),
    "beneficiary": (
        ("for (?:my|our|a|an|the|tomorrow'?s) (?:\\w+ )?(?:exam|test|quiz|essay|assignment|presentation|coursework|"
         "oral|class|lecture)"),
        ("for my (?:\\w+ )?(?:son|daughter|kids?|child(?:ren)?|boss|manager|mom|mum|mother|dad|father|grandma|"
         "grandmother|grandpa|grandfather|friends?|wife|husband|partner|girlfriend|boyfriend|teacher|professor|class|"
         "students|colleagues?|coworkers?|clients?|customers?|nephew|niece|sister|brother|team)(?:'s)?"),
        "for a (?:\\d+|five|six|seven|eight|nine|ten)[- ]year[- ]old", "so (?:a|my) \\d+[- ]year[- ]old",
        "it'?s for (?:my|a) (?:\\w+ )?(?:school|class|project|homework|presentation)",
        ("for (?:my|our|the|a|an) (?:\\w+ )?(?:speech|talk|toast|presentation|wedding|meeting|party|trip|exam|"
         "interview|lesson|class|birthday|newsletter|blog post|pitch|sermon|eulogy)"),
        "for (?:\\d+|two|three|four|five|six|eight|ten|twelve) (?:people|persons|guests|adults|kids)",
    ),
    # The message hands over material to work on ("… here it is:"): nothing in it is feedback.
    "material": (
        "here it is", "here'?s the text", "here'?s my draft",
        ("here'?s (?:the|my|a|an|our) (?:doc|document|article|link|file|e-?mail|report|paper|text|draft|transcript|"
         "notes|essay|letter|post|script|pdf)"),
        ("here is (?:the|my|a|an|our) (?:doc|document|article|link|file|e-?mail|report|paper|text|draft|transcript|"
         "notes|essay|letter|post|script|pdf)"),
    ),
    "reported": (
        ("(?:my|our|his|her) (?:\\w+ )?(?:boss|manager|friend|teacher|professor|prof|mom|mum|mother|dad|father|wife|"
         "husband|partner|girlfriend|boyfriend|colleague|coworker|co-worker|editor|client|customer|kid|son|daughter|"
         "sister|brother|grandma|grandpa|tutor|supervisor|lecturer|team ?lead|mentor) (?:\\w+ )?(?:says|said|thinks|"
         "told me|tells me|keeps telling me|claims|complains|wants|needs|expects|asked (?:me )?for|requires|prefers|"
         "likes)"),
        "(?:people|everyone|everybody) (?:say|says|tell me|tells me)",
        "(?:he|she|they) (?:told|tells|asked|asks|said|says|wants|keeps telling|thinks|reckons) (?:me|us)?",
    ),
    # A clause about a third person ("my mother-in-law sends me twenty emojis"): not about the answers.
    "thirdparty": (
        ("(?:my|our) (?:\\w+ )?(?:boss|coworkers?|co-workers?|colleagues?|friends?|mom|mum|mother|dad|father|wife|"
         "husband|partner|sons?|daughters?|kids?|teachers?|professor|manager|sister|brother|grandma|grandpa|neighbou?r|"
         "roommate|team|clients?|customers?)"),
        ("(?:my|our) (?:\\w+ )?(?:niece|nephew|cousin|aunt|uncle|grandson|granddaughter|grandkids?|stepson|"
         "stepdaughter|in-laws|mother-in-law|father-in-law|sister-in-law|brother-in-law|girlfriend|boyfriend|"
         "fianc[ée]e?|flatmate|housemate|landlord|tenant|supervisor|tutor|students?|pupils?|coach|doctor|"
         "therapist|ex)"),
    ),
    "mycontent": (
        "(?:the )?following (?:text|paragraph|passage|e-?mail|message|article|sentences?|paragraphs|list|notes)",
        ("my (?:\\w+ )?(?:e-?mails?|essays?|thesis|dissertation|cover letter|letters?|reports?|texts?|messages?|posts?|"
         "slides?|presentation|intro|introduction|novel|chapters?|cv|resume|blog|articles?|papers?|writing|speech|"
         "story|stories|poems?|tweets?|summary|linkedin)"),
        "i'?m (?:currently |now )?(?:writing|drafting|preparing|putting together|working on) (?:a|an|my|some)",
        ("in (?:an|a|my) (?:work |formal |professional |business )?(?:e-?mail|letter|message|text message|cover letter|"
         "linkedin post|tweet|card|memo)"),
    ),
    "hypothetical": (
        "if you (?:could|were to|would|had to)", "if i (?:asked|told|wanted|said|were to|ask you|tell you)",
        "suppose i", "what if i", "hypothetically", "would you (?:remember|be able)",
        "if you (?:answered|replied|wrote|spoke|used)",
    ),
    "ability": (
        "can you (?:also|even|actually) (?:speak|write|answer|reply|talk|read|do)", "are you able to",
        "do you (?:speak|understand|know)", "can you speak", "can you understand",
    ),
    "proglang": (
        "python", "java", "javascript", "js", "typescript", "c\\+\\+", "c#", "rust", "golang", "ruby", "php", "sql",
        "bash", "shell", "powershell", "kotlin", "swift", "scala", "haskell", "perl", "matlab", "vba", "html", "css",
        "react", "node(?:\\.?js)?", "dart", "lua", "julia",
    ),
    "noise": (
        "at the start", "at the beginning", "don'?t worry about", "no worries", "in a way",
        "(?:a|one|two|three|\\d+) paragraphs? of", "(?:two|three|four|five|six|several|multiple|many|\\d+) paragraphs",
        "the (?:first|last|next) (?:\\w+ )?(?:sentences?|lines?|paragraphs?)", "in other words",
        "a sentence or two of context", "sentences? of context", "the level of detail", "no problem", "no worries",
        "not sure", "not bad",
        ("(?:a |an )?(?:bulleted |numbered )?(?:shopping|grocery|to-?do|packing|guest|reading|wish|bucket|gift|party|"
         "task) list"),
        "playlist",
        ("(?:a |the )?(?:bulleted |numbered )?list of (?:ingredients|groceries|guests|names|tasks|things to (?:do|pack|"
         "bring))"),
        "plain english",
        "(?:a|one|two|three|four|five|six|\\d+|several|a few) (?:sentences?|lines?) of",
        "dress code", "zip code", "post(?:al)? code", "area code", "country code", "promo code", "discount code",
        "coupon code", "code of conduct", "qr code", "the highway code",
    ),

    # ---- Pair and language concepts -----------------------------------------------------------
    "read": ("read", "reading", "skim", "skimming", "scroll(?:ing)?", "finish reading", "get through"),
    "phone": (
        "phone", "mobile", "cell ?phone", "smartphone", "small screen", "on the go", "on the train", "on the bus",
        "on my commute",
    ),
    "allthat": ("all (?:of )?(?:that|this|it)", "that much", "this much", "so much text", "all these words"),
    "longtext": (
        "essay", "novel", "dissertation", "thesis", "book", "bible", "saga", "epic", "treatise", "encyclopedia",
        "lecture", "sermon", "\\d+ screens(?: of scrolling)?", "screens of scrolling", "whole article", "term paper",
        "life story", "biography", "autobiography", "textbook", "war and peace", "novella", "manifesto",
        "(?:a |the )?whole (?:history|biography|manual)",
    ),
    # Content whose size is the point, turned down after "I asked …, not …".
    "bigtopic": (
        ("(?:its |his |her |their |the )?(?:whole |entire |full |complete )?(?:life story|story|history|biography|"
         "guide|manual|tutorial|lecture|seminar|course|masterclass|tour)"),
    ),
    "exclaim": (
        "what an?", "such an?", "a whole", "an entire", "like an?", "for an?", "that'?s an?", "this is an?",
        "it'?s an?", "basically an?", "literally an?",
    ),
    "answer": ("answers?", "replies", "reply", "responses?", "versions?", "explanations?", "outputs?"),
    "simile": (
        "(?:you )?sounds? like", "(?:sound|sounding|write|writing|talk|talking) (?:a (?:little|bit) )?less like",
        "less like", "you talk like", "you write like", "reads like", "it'?s like reading", "like reading",
        "you sound as if", "feels like",
    ),
    "bureau": (
        "(?:a )?chatbot", "a bot", "a machine", "an ai", "a call cent(?:er|re)", "(?:my )?bank",
        "tax (?:form|office|return|authority)", "legal (?:contract|document)", "contract", "lawyer",
        "government (?:form|letter|office)", "bureaucrat", "corporate memo", "press release", "robot",
        "terms and conditions", "insurance (?:letter|company)", "the dmv", "(?:a|the|in|at) court",
        "court (?:ruling|filing|document|order|papers)", "notary", "customer service",
    ),
    "native": (
        "my (?:native|first|mother) (?:language|tongue)", "mother tongue", "native language", "native speaker",
        "my language", "my own language",
    ),
    "respond": (
        "respond", "talk", "speak", "chat", "continue", "keep the (?:chat|conversation)", "do everything",
        "communicate", "say", "repeat", "redo",
    ),
    "switch": ("switch(?: over)? (?:to|into)", "change to", "go back to", "swap to"),
    "repeat": ("restat\\w*", "repeat\\w*", "rephras\\w*", "echo\\w*", "paraphras\\w*", "summary of"),
    "myquestion": ("my question", "the question", "what i asked", "my prompt"),
    # Saying what the question was, to contrast it with what came back.
    "asked": (
        "i (?:only |just |simply )?asked(?: you)?(?: for| about)?", "i was (?:only |just )?asking(?: for| about)?",
        "all i asked(?: for)? was", "my question was",
    ),
    # "You wrote a novel": said of an answer's size.
    "wrote": (
        "you (?:just )?wrote(?: me)?", "you'?ve (?:just )?written(?: me)?",
    ),
    "years": (
        "for (?:two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty) years", "for over a decade",
        "for a decade", "(?:\\d+|many|several|ten|fifteen|twenty) years", "for years", "for a living", "professionally",
        "day job", "for decades",
    ),
    "techjob": (
        "engineer", "developer", "dev", "programmer", "coder", "sysadmin", "sre", "architect", "data scientist",
        "devops", "doing this", "this stuff", "build them", "in the industry", "in tech",
    ),
    # People whose trade gives them expertise; with years of practice they read as experts.
    "profession": (
        "doctor", "physician", "surgeon", "nurse", "gp", "cardiologist", "neurologist", "radiologist", "oncologist",
        "dermatologist", "psychologist", "psychiatrist", "pediatrician", "paediatrician", "anesthesiologist",
        "anaesthetist", "pathologist", "dentist", "pharmacist", "vet", "veterinarian", "midwife", "paramedic",
        "therapist", "physiotherapist", "attorney", "solicitor", "barrister", "paralegal", "judge",
        "accountant", "auditor", "bookkeeper", "tax advisor", "economist", "consultant", "teacher", "lecturer",
        "professor", "researcher", "scientist", "statistician", "mathematician", "physicist", "chemist", "biologist",
        "electrician", "plumber", "mechanic", "carpenter", "chef", "pilot", "translator", "journalist", "designer",
        "photographer", "analyst", "banker", "trader", "practising", "practicing", "teaching",
    ),

    # ---- Value-bearing ------------------------------------------------------------------------
    "adj:length=concise": (
        "short", "brief", "concise", "succinct", "terse", "compact", "quick", "snappy", "crisp", "tight", "lean",
        "condensed", "punchy", "shortish",
    ),
    "adj:length=detailed": (
        "detailed", "thorough", "comprehensive", "complete", "full", "extensive", "deep", "rich", "exhaustive",
        "fuller",
    ),
    "adj:tone=formal": (
        "formal", "formally", "professional", "polite", "businesslike", "business-like", "business-appropriate",
        "serious", "respectful", "courteous", "official", "corporate", "buttoned-up",
    ),
    "adj:tone=casual": (
        "casual", "informal", "relaxed", "laid-?back", "friendly", "conversational", "colloquial", "familiar", "chummy",
        "personal", "warm", "human", "natural", "playful", "fun", "casually", "informally", "light", "light-?hearted",
        "easygoing", "easy-going", "cheerful", "loose",
    ),
    "adj:expertise=beginner": (
        "simple", "basic", "easy", "plain", "elementary", "beginner-friendly", "accessible", "non-?technical",
        "understandable", "digestible", "straightforward", "layman",
    ),
    "adj:expertise=expert": (
        "technical", "advanced", "expert", "sophisticated", "nerdy", "complex", "complicated", "academic", "low-level",
        "rigorous", "hardcore", "in-the-weeds", "jargony", "jargon-heavy", "techy",
    ),
    "adjlong:length=detailed": ("long", "lengthy", "huge", "massive", "big"),
    "comp:length=concise": (
        "punchier", "more to the point", "shorter", "briefer", "terser", "tighter", "crisper", "quicker", "leaner",
        "snappier", "more concise", "more succinct",
        "more direct",
    ),
    "comp:length=detailed": ("longer", "deeper", "richer", "more thorough", "more detailed"),
    "comp:expertise=beginner": (
        "simpler", "easier", "plainer", "more basic", "more simply", "simpler terms", "simpler words",
        "simpler language",
    ),
    "comp:tone=casual": ("looser", "friendlier", "warmer", "chiller", "lighter", "more human"),
    "comp:tone=formal": ("politer", "more polite", "more formally", "more professionally"),
    "judge:length=concise": (
        "(?:this|that|it)(?:'?s| is| was) (?:a lot|too much|so much) to (?:digest|take in|process|absorb)",
        "(?:a lot|too much|so much) to (?:digest|take in|process|absorb)", "overwhelming", "i'?m overwhelmed",
        "verbose", "wordy", "long-?winded", "rambl\\w*", "bloated", "padded", "waffly", "waffling", "drawn[- ]out",
        "dragged[- ]out", "endless", "never-?ending", "too much text", "a lot to read", "that was a lot",
        "that'?s a lot", "it'?s a lot", "blah blah",
        "(?:novel|essay|book|dissertation|thesis|encyclopedia|bible)[- ]length", "chatty", "talkative",
        "(?:one|a single|a) (?:sentence|line|word) would(?:'?ve| have)? (?:done|sufficed|been enough)",
    ),
    # Filler is about the opening when the user also names the opening.
    "judge:length=concise>preamble": ("fluff", "filler", "padding", "waffle"),
    # A complaint about one block of text is about format when the user also names a format.
    "judge:length=concise>format": (
        "walls? of text", "(?:big |huge |long |giant )?blocks? of text",
        "(?:a )?(?:huge |giant |massive |enormous |big |long |solid )?walls? of text", "text ?walls?",
    ),
    "judge:length=detailed": (
        "superficial", "shallow", "thin", "vague", "sketchy", "skimpy", "sparse", "bare-?bones", "skeletal",
        "half-?baked", "incomplete", "cursory", "meag(?:er|re)", "light on details?",
        "(?:barely|only|just) scratch(?:es|ed)? the surface", "scratch(?:es|ed)? the surface", "not enough detail",
        "too little", "a bit thin", "one-?liners? (?:aren'?t|isn'?t|is not|are not) enough", "thin on", "lacking",
        "lacks detail", "rushed", "hasty", "hurried",
    ),
    "judge:tone=casual": (
        "stiff", "stuffy", "robotic", "stilted", "wooden", "bureaucratic", "pompous", "uptight", "starchy", "prim",
        "blunt", "harsh", "curt", "like a robot", "like a textbook", "like a tax form", "like a legal document",
        "like a press release", "like my bank", "(?:so|too) proper(?= *(?:[.!?,;]|$))",
    ),
    "judge:tone=formal": (
        "sloppy", "flippant", "slangy", "cringe", "cringy", "over-?familiar", "too chummy", "unserious",
    ),
    "judge:expertise=beginner": (
        "over my head", "went over my head", "way over my head", "confusing", "cryptic", "gibberish",
        "(?:you )?lost me", "i'?m lost", "i got lost", "i'?m confused", "i don'?t get it", "i didn'?t get it",
        "i don'?t understand", "i didn'?t understand", "i do not understand", "i did not understand",
        "didn'?t understand (?:half|most|any|a word)", "no idea what (?:that|this|you)", "too much jargon",
        "jargon-?heavy", "what does that even mean", "i couldn'?t follow", "hard to understand",
        "you (?:kind of |sort of )?assumed (?:that )?i (?:already )?(?:knew|know|understood)",
        "you'?re assuming (?:that )?i (?:already )?know", "i can'?t follow",
    ),
    "judge:expertise=expert": (
        "intro-?level", "entry-?level", "beginner-?level", "beginner stuff", "kindergarten", "patronizing",
        "patronising", "condescending", "dumbed[- ]down", "obvious stuff", "101 stuff",
    ),
    "judge:format=prose": (
        "like a (?:shopping|grocery|to-?do) list", "choppy", "fragmented", "bitty", "disjointed", "listy",
        "(?:a |like a )?powerpoint", "like slides", "chopp\\w+ (?:everything|it) (?:up|into)",
    ),
    "judge:format=lists": (
        "one (?:big |giant |huge |long )?(?:block|blob|paragraph)", "a single (?:block|paragraph)",
        "(?:big |giant |huge )?blob of text", "hard to scan", "not skimmable", "unscannable",
        "all in one (?:block|paragraph|chunk)",
    ),
    "judge:preamble=keep": (
        "abrupt(?:ly)?", "(?:jump|jumped|jumping|jumps) (?:straight|right) in(?:to)?",
        "(?:dive|dived|dove|diving|dives) (?:straight|right) in(?:to)?",
        "(?:launch|launched|launching|launches) (?:straight|right) in(?:to)?", "out of nowhere",
        "straight into (?:the )?facts", "right into (?:the )?facts",
    ),
    "verb:length=detailed": ("pad (?:it|this|that) out", "bulk (?:it|this|that) up", "beef (?:it|this|that) up"),
    # "Get to the point" asks for less preamble when the user names the preamble, else for less text.
    # Verbs that act on the answer ("summarize it"), or order a task when given new material
    # ("summarize the following: …").
    "verb:length=concise": (
        "tighten (?:it |this |that )?up", "tighten (?:it|this|that)", "trim(?: (?:it|this|that))?(?: down)?",
        "condense", "shorten", "summari[sz]e", "sum (?:it|this|that) up", "sum up", "boil (?:it|this|that) down",
        "abridge",
        "halve (?:it|this|that)", "cut (?:it|this|that) by half",
    ),
    "direct:emoji=avoid": ("emoji-?free", "emojis? free"),
    "direct:format=prose": ("bullet-?free",),
    "direct:length=concise": (
        "half (?:as long|the length)",
        "(?:one|a single|a) (?:sentence|line) (?:is enough|will do|suffices)", "long story short",
        "cliff'?s? ?notes(?: version)?", "(?:a |just a )?(?:quick |brief |short )?(?:high-level )?overview",
        "no frills", "the short of it", "in brief",
        ("(?:under|max|maximum|at most|no more than|less than|fewer than|within) (?:\\d+|two|three|four|five|six|seven|"
         "eight|ten|a hundred|fifty) (?:words|sentences|lines|paragraphs)"),
        "(?:in )?(?:two|2|one|1)(?: or |-| to |, )(?:three|3|two|2) (?:short )?(?:sentences|lines)", "tl;?dr", "tl dr",
        "too long,? didn'?t read", "in short", "in a nutshell", "short and sweet",
        "cut (?:it|this|that) (?:down|short|in half)", "cut down", "(?:give me )?the gist", "just the gist",
        "the essentials", "just the essentials", "key takeaways?", "the bottom line", "bottom line", "the main points",
        "just the (?:key|main) points", "the key points", "the short version", "a shorter version", "fewer words",
        "in fewer words",
        ("(?:in |just |only |max |maximum |at most |under |no more than |less than )?(?:one|two|three|a couple of|"
         "a few|1|2|3) (?:short )?(?:sentences?|lines?)"),
        "a sentence or two", "a line or two",
        "(?:max |maximum |at most |under |no more than |less than )\\d+ (?:words|sentences|lines)", "one-?liners?",
        "i don'?t have the patience", "no patience",
        "(?:not|won'?t|can'?t|cannot) (?:going to |gonna )?(?:read|finish)(?:ing)? (?:all )?(?:of )?(?:that|this|it)",
        "won'?t finish reading(?: it)?", "not reading all (?:that|this)", "just tell me what to do",
        "(?:i|we) (?:only |just )?asked (?:for|about) (?:one|a single|a simple)", "yes or no", "yes/no",
        "a simple yes or no", "in a few words", "keep it brief", "less is more", "make it snappy",
        "(?:to|in|max|at most|under|within) (?:a|one|1|a single) (?:short )?paragraph(?: at most| max(?:imum)?)?",
        "a (?:short )?paragraph (?:at most|max(?:imum)?)", "(?:one|a single|1) (?:short )?paragraph",
        "(?:no|short on|don'?t have(?: the)?|haven'?t got(?: the)?) time", "in a (?:hurry|rush)",
        "between (?:calls|meetings|pages|classes)", "(?:two|2|a few) minutes", "bring it down", "brevity", "tmi",
        "too much info(?:rmation)?", "(?:just )?the headlines?", "headline version",
        "more than i (?:asked|needed|wanted)(?: for)?", "way more than i (?:asked|needed|wanted)(?: for)?",
        "be direct",
        ("(?:i )?(?:stopped|gave up) reading(?: (?:about |around |at |after )?(?:halfway|half way|the first "
         "paragraph))?"),
        "(?:got|made it) (?:about |only )?halfway(?: through)?", "get (?:it|this|that) down to",
        "trim the fat", "(?:just |only )?the highlights", "the cliff notes",
        "half (?:of that|as much|the length) would do", "half would do",
    ),
    "direct:length=concise>preamble": (
        "(?:get|cut|go|come) (?:straight |right |directly )?to the point", "cut to the chase", "straight to the point",
        "to the point",
    ),
    "direct:length=detailed": (
        "(?:go |get )?into the weeds", "in the weeds", "(?:more )?meat on the bones?",
        "(?:go |more |be more )?granular", "elaborate", "expand(?: on)?", "go deeper", "dig deeper",
        "go into (?:more |greater )?detail", "in (?:more |greater |full )?detail", "in (?:more )?depth",
        "more in depth", "in-depth", "flesh (?:it|this|that|them)? ?out", "walk me through", "tell me more", "say more",
        "explain more", "explain further", "unpack", "don'?t hold back", "cover every angle", "every angle",
        "all the angles", "the long version", "the full (?:version|story|explanation|picture)", "lay out",
        "spell (?:it|this|that) out", "go further", "the whole (?:story|picture|thing)", "more than a one-?liner",
        "i want the details", "leave nothing out", "all the details", "every detail", "go on", "keep going",
        "more on (?:that|this)", "(?:rather|better) too much than too little", "more depth", "more context",
        "take your time", "explain (?:it |this |that )?properly",
        "err on the side of (?:too much|more|too many|detail)", "even if it(?:'?s| is| gets) long(?:er)?",
        "(?:something|stuff|a lot)(?:'?s| is) missing", "(?:you'?re |you are )?missing (?:a lot|stuff|things|steps)",
    ),
    "direct:format=lists": (
        "in steps", "into steps",
        "(?:as|in|into) (?:a (?:series of )?)?(?:numbered )?steps",
        "split (?:it|this|that )?(?:up )?into (?:steps|points|sections|parts)", "break (?:it|this|that) (?:up|down)",
        "break (?:\\w+ ){0,5}?(?:up )?into (?:steps|points|bullets|sections|chunks|parts|pieces)",
        "broken (?:up |down )?into (?:steps|points|bullets|sections|chunks|parts)", "structure (?:it|this|that)",
        "structured", "step-by-step list", "numbered steps", "easier to scan", "scannable", "skimmable", "i can scan",
        "to skim", "point by point", "itemi[sz]e",
        "bullet (?:it|this|that|them)", "bulleti[sz]e(?: it| this)?", "bullet-?point (?:it|this|that)",
        "number (?:the|them|it)(?: steps)?",
    ),
    "direct:tone=casual": (
        "relax", "loosen up", "lighten up", "chill out", "talk normally", "talk normal",
        "(?:talk|speak|write) to me like (?:a |an )?(?:normal person|friend|human|buddy|person|pal|mate)",
        "like a friend", "like a human", "like a normal person", "like a buddy", "be yourself",
        "(?:we'?re|we are) not (?:drafting|writing|signing) a (?:legal )?(?:contract|document|treaty)",
        "drop the formalities", "no formalities", "you can be casual", "we'?re friends", "just talk",
    ),
    "direct:tone=formal": (
        "keep it professional", "business tone", "work-appropriate", "suitable for work",
        "this is a work (?:chat|account)", "less slang", "no slang",
    ),
    "direct:preamble=skip": (
        "(?:start|lead|open) with the (?:answer|conclusion|bottom line|result|tl;?dr|summary|solution)",
        "(?:stop |no |without )?beat(?:ing)? around the bush", "just answer", "just the answer", "answer directly",
        "start with the answer", "straight to the answer", "skip to the answer", "lead with the answer",
        "get straight to it", "get right to it", "no preamble", "no intro", "no small talk", "only the answer",
        "jump straight to", "go straight to the answer", "just get to it", "spare me the intro",
    ),
    "direct:emoji=use": (
        "(?:an? )?emoji (?:person|fan|lover|enthusiast)", "emoji-?friendly", "emoji-?heavy",
        "with (?:lots of|plenty of) emojis",
    ),
    "direct:preamble=keep": (
        "warm (?:it )?up (?:a (?:little|bit) )?(?:before|first)", "say hi", "ease me in", "ease into it", "warm me up",
    ),
    "direct:expertise=beginner": (
        "jargon-?free",
        "(?:zero|no|little|without any|limited|not much)(?: prior)? (?:background|knowledge|experience)(?: knowledge)?",
        "for dummies", "technophobe", "not (?:very )?tech-?savvy", "not good with (?:computers|tech|technology)",
        "eli5", "explain (?:it |this |that )?(?:to me )?like i'?m (?:five|5|a (?:child|kid|five|5)[\\w -]*)",
        "like i'?m (?:five|5|six|seven|eight|nine|ten|\\d+|a child|a kid)", "in simple terms",
        "in plain (?:english|language|words|terms)", "in layman'?s terms", "layman'?s terms", "in simple words",
        "go easy on me", "still learning", "i just started", "just started learning",
        "i'?m (?:completely |totally )?new to this", "explain (?:the )?(?:jargon|terms|acronyms)",
        "what do (?:these|those|all these) (?:terms|words) mean", "slowly", "more slowly", "slower",
        "baby steps please", "for a beginner", "for beginners", "like a beginner", "like you would to a beginner",
        "i'?m (?:not|no) (?:an? )?(?:expert|techie|tech person|engineer)",
        ("(?:zero|no|little|without any|limited|not much) (?:tech(?:nical)?|it|coding|programming|computer|"
         "math) (?:background|knowledge|experience|skills)"),
        "no background in", "assum(?:ed|es|ing) too much", "too much (?:prior )?knowledge",
        "not a native (?:english )?speaker", "not a (?:tech|technical) person", "i'?m not technical",
        "not very technical",
        "not a (?:techie|tech person|computer person|tech guy|tech girl|numbers person)",
        ("explain (?:the |those |these |what the )?(?:terms|jargon|acronyms|abbreviations|technical words)(?: (?:mean|"
         "you used))?"),
        "(?:like|as if|as though) i (?:know|knew) (?:nothing|zero|zilch)(?: about (?:it|this|the topic))?",
        "(?:in |with |use )?(?:simple|plain|easy|everyday) words",
        "not my field", "(?:i'?m )?not in the field", "outside my field",
    ),
    "direct:expertise=beginner>language": ("i'?m (?:still )?learning", "i'?m practi[cs]ing", "i want to practi[cs]e"),
    "direct:expertise=expert": (
        ("(?:like|as if) i'?m (?:a|an) (?:developer|engineer|expert|professional|programmer|specialist|colleague|peer|"
         "pro)"),
        "(?:i'?m )?fluent in (?:python|java|javascript|typescript|rust|go|c\\+\\+|sql|\\w+)", "assume i know",
        "assume (?:that )?i (?:know|understand|am familiar|'?m familiar)",
        "i know (?:the|my) (?:basics|fundamentals|stuff)", "i know what i'?m doing",
        "i know what (?:a |an |the )?\\w+(?: \\w+)? (?:is|are|does|means)", "i build them for a living",
        "(?:be |get )?as technical as you (?:like|want|can)", "(?:get|go) (?:into|to) the technical",
        "the technical (?:bit|part|side|details|stuff|version|explanation|answer)", "just the technical",
        "technical details", "nitty-gritty", "nuts and bolts", "under the hood", "talk shop",
        ("(?:like|as) (?:you would|you'?d) (?:to|with|give) (?:another|an?|a fellow) (?:engineer|expert|developer|"
         "colleague|peer|professional|specialist)"),
        "the answer you'?d give (?:another|a fellow|an?) \\w+", "(?:i'?m|i am) not a (?:beginner|newbie|novice)",
        "(?:i'?m|i am) not new to", "no need to explain", "you don'?t need to explain", "i'?ve been doing this for",
        "skip the (?:basics|fundamentals|intro stuff)", "i'?m (?:a )?pro",
        "(?:go |get )?(?:deeper|more) technical(?:ly)?", "technically deeper", "i know the theory",
        "(?:pitched|aimed|set) (?:way |far |a bit |a little |much )?too low",
        "assume i'?ve (?:read|seen|used|done|studied)",
        "treat me (?:as|like) (?:an? )?(?:expert|pro|professional|colleague|peer|specialist|grown-?up)",
        "no need to define", "(?:you )?don'?t need to define",
    ),
    "direct:code=include": (
        "in code", "copy and (?:run|paste)", "i can copy", "examples? (?:that )?i can (?:copy|run|paste)",
        "learn by (?:copying|doing|example)", "runnable", "working example", "show me how in code", "the actual code",
        "actual code", "real code",
    ),
    "direct:code=omit": (
        "(?:explanation|explain it|explained|answer) in (?:plain )?words", "in words only", "words only", "code-free",
    ),
    "flip:expertise=beginner": ("dumb (?:it|this|that) down", "simplify(?: it| this| that)?", "water (?:it|this) down"),
    "trait:length=concise>format": (
        "slow reader", "i read slowly", "adhd", "dyslexi[ac]\\w*", "attention span", "short attention",
    ),
    # Little time to read: a self-description that implies short answers.
    "trait:length=concise": (
        "(?:my )?eyesight (?:isn'?t|is not|is bad|is poor)", "(?:bad|poor|weak) eyesight",
        "(?:very |so |really )?(?:little|limited) time",
        ("(?:i'?m |im )?(?:really |super |very |so )?(?:busy|swamped|slammed)(?: (?:mum|mom|dad|parent|person|"
         "professional|right now|today|these days))?"),
        "pressed for time", "short of time", "time-?poor", "i (?:only |just |mostly )?skim(?: everything| things)?",
        "between (?:two )?(?:meetings|calls|appointments|shifts|lectures)", "on my (?:lunch )?break",
        "(?:only )?(?:a few|two|five|\\d+) (?:spare )?minutes",
    ),
    "trait:emoji=avoid": (
        "screen ?reader\\w*", "read out as", "read aloud as", "visually impaired", "voice ?over", "talkback",
        "i'?m blind", "low vision",
    ),
    # Being new at something: a self-description that implies a beginner's answers.
    "trait:expertise=beginner": (
        ("(?:my |the )?first (?:time|week|day|month)(?: ever)? (?:doing|using|setting|trying|working|coding|learning|"
         "writing|with|on)"),
        "(?:i have |i'?ve got |i got )?no (?:idea|clue) what i'?m doing",
        "no (?:idea|clue) how (?:this|it|any of this|that) works",
        "(?:i'?m |im )?(?:totally |completely )?clueless (?:about|with|when it comes to)",
        "i know (?:nothing|zilch|zero) about", "(?:i )?don'?t know (?:the first thing|anything) about",
        "(?:i'?m |im )?(?:a )?(?:total |complete )?(?:noob|newbie|novice|beginner) (?:at|with|in)",
        "i'?m (?:just )?(?:starting|getting started) (?:out )?(?:with|in|on)",
        "i (?:just|only just) started (?:with|learning|using)",
    ),

    # ---- Targets: objects whose wanted value depends on the words around them --------------------
    "target:emoji": (
        "emojis?", "emoji'?s", "emojies", "emoticons?", "smileys?", "smilies", "smiley faces?",
        "(?:little |cute )?(?:faces|icons|pictures)",
    ),
    "target:list": (
        "numbered", "bullets?", "bullet ?points?", "bullet ?lists?", "bulleted(?: lists?| points?)?", "lists?",
        "numbered (?:lists?|steps|points)", "enumerations?", "dashes", "headers", "sub-?headings?", "listicles?",
        "checklists?", "tables?", "headings?", "itemi[sz]ed lists?", "step(?:-by-| by )step lists?",
        "(?:a bunch of )?fragments(?: with dashes)?", "bullet form", "list form", "points",
        "one (?:under|below) the other",
    ),
    "target:prose": (
        "prose", "paragraphs?", "regular paragraphs", "flowing (?:text|prose)", "continuous text", "running text",
        "full sentences", "complete sentences", "connected sentences", "proper sentences", "normal text",
        "(?:a )?proper explanation", "narrative", "paragraph form", "essay form", "text form", "whole sentences",
        "flowing",
    ),
    "target:code": (
        "code", "codes", "code examples?", "code samples?", "code snippets?", "example code", "sample code",
        "snippets?", "scripts?", "code blocks?", "source code", "some code", "examples? in code", "implementation",
        "the code parts?", "code parts?", "an example snippet", "example snippets?", "code bits",
    ),
    "target:intro": (
        "intros?", "introductions?", "preambles?", "preface", "greetings?", "pleasantries", "small ?talk", "warm-?up",
        "hellos?", "hi", "opening (?:lines?|sentences?|paragraphs?|remarks?)", "intro paragraphs?",
        ("(?:a |one )?(?:quick |short |brief |little )?(?:friendly |warm |welcoming )?(?:lines?|sentences?|"
         "words?)(?: or two)? (?:of|for) (?:context|intro|introduction|greeting|welcome)"),
        "(?:quick |short |brief )?friendly (?:line|sentence|opener|hello)", "qopener", "throat[- ]clearing",
        "fluff at the (?:start|beginning|top)", "(?:the )?welcome", "openers?", "niceties", "greet(?:ing)? me",
        "say(?:ing)? hello", "summary of my question", "restat(?:e|ing) (?:my|the) question",
        "repeat(?:ing)? (?:my|the) question", "rephras(?:e|ing) (?:my|the) question",
        "echo(?:ing)? (?:my|the) question", "context first",
    ),
    "target:basics": (
        "(?:the )?syntax(?: stuff| basics)?", "basics", "the basics", "fundamentals", "the fundamentals", "basic stuff",
        "the basic stuff", "abcs?", "intro stuff", "obvious (?:stuff|things|parts)", "beginner (?:stuff|material)",
        "what (?:a|an) \\w+ is", "definitions",
        "(?:an? |the )?intro(?:duction)? to (?:\\w+)", "(?:a |the )?primer on",
    ),
    "target:jargon": (
        "jargon", "technical terms", "tech terms", "terminology", "buzzwords", "acronyms", "big words", "fancy words",
        "technical language", "tech ?speak", "lingo", "technical vocabulary",
    ),
    "target:detail": (
        "(?:the |all the )?important (?:parts|bits|stuff|points|details)", "details?", "depth", "background",
        "reasoning", "nuance", "specifics", "elaboration", "info", "information",
    ),
    "target:formalities": ("formalities", "formality", "the formal stuff"),
    "target:slang": ("familiarity", "slang", "dude", "bro"),
    "target:tone_formal": (
        ("(?:a )?(?:formal|professional|business|serious|neutral)(?:,? (?:and )?[\\w-]+)? (?:tone|register|style|"
         "language|wording|phrasing)"),
    ),
    "target:tone_casual": (
        ("(?:a )?(?:casual|informal|relaxed|friendly|conversational|laid-?back)(?:,? (?:and )?[\\w-]+)? (?:tone|"
         "register|style|language|wording|phrasing)"),
    ),
    "target:summary": ("summary", "summaries", "summary version", "recap", "tl;?dr version", "abstract"),
    "target:text": ("texts", "text", "words", "paragraphs of text"),
    "target:techdomain": ("computers?", "technology", "tech", "programming", "coding", "maths?", "it stuff"),
    "target:id_beginner": (
        "(?:a |an )?(?:child|kid|toddler|five[- ]year[- ]old|5[- ]year[- ]old)",
        "(?:a |an |total |complete |absolute )*(?:beg+in+er|newbie|noob|novice|amateur|layman|layperson)",
        "new to (?:this|\\w+)", "new at (?:this|\\w+)", "just starting(?: out)?", "starting out",
    ),
    "target:id_expert": (
        "(?:a |an )?senior(?: [\\w-]+)?", "staff (?:engineer|sre|developer|dev|scientist)",
        "principal (?:engineer|developer|scientist)", "(?:an )?expert", "phd(?: student)?", "(?:a )?veteran",
        "(?:a )?specialist", "(?:a )?professional (?:developer|engineer|programmer)", "lead (?:dev|developer|engineer)",
    ),
    # Explaining what the user already knows; a bare mention is already a complaint ("you're over-explaining").
    "target:explainbasic": (
        "the obvious", "explain(?:ing)? (?:the basics|everything|what (?:a |an )?\\w+ (?:is|are|means))",
        "explain(?:ing)? it all", "hand-?holding", "over-?explain\\w*", "spoon-?fe(?:e|)d\\w*", "babysitting",
        "(?:an? )?explanation of what (?:a |an |the )?\\w+ (?:is|are|means|does)",
        "explain(?:ing)? what \\w+ (?:is|are|means|does)",
    ),
    "effect": (
        "makes? it (?:feel|sound|look|seem)",
        "so (?:it'?s|it is|it'?ll be|it will be|that it'?s)", "which makes it", "(?:it|that) makes it",
    ),
}
