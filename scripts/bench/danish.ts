/** Danish vocabulary of an information security handbook, from which the synthetic documents are composed. */

/** First parts of compound nouns, with the Danish linking `s` where it belongs. */
export const PREFIXES = [
  'adgangs', 'data', 'sikkerheds', 'drifts', 'leverandør', 'backup', 'netværks', 'system', 'bruger', 'hændelses',
  'risiko', 'log', 'nøgle', 'persondata', 'statistik', 'server', 'mail', 'indberetnings', 'beredskabs', 'kontrol',
  'konfigurations', 'ændrings', 'test', 'udviklings', 'krypterings', 'arkiv', 'sags', 'firewall', 'fjernadgangs', 'mobil',
  'cloud', 'databehandler', 'identitets', 'patch', 'sårbarheds', 'overvågnings', 'klassifikations', 'registrerings', 'forsknings', 'mikrodata',
  'kilde', 'lager', 'print', 'web', 'telefoni', 'besøgs', 'nødstrøms', 'gendannelses', 'licens', 'certifikat',
] as const;

/** Nouns as [singular, singular definite, plural, plural definite]. */
export const NOUNS: readonly (readonly [string, string, string, string])[] = [
  ['rettighed', 'rettigheden', 'rettigheder', 'rettighederne'],
  ['kontrol', 'kontrollen', 'kontroller', 'kontrollerne'],
  ['plan', 'planen', 'planer', 'planerne'],
  ['procedure', 'proceduren', 'procedurer', 'procedurerne'],
  ['oplysning', 'oplysningen', 'oplysninger', 'oplysningerne'],
  ['system', 'systemet', 'systemer', 'systemerne'],
  ['aftale', 'aftalen', 'aftaler', 'aftalerne'],
  ['rapport', 'rapporten', 'rapporter', 'rapporterne'],
  ['vurdering', 'vurderingen', 'vurderinger', 'vurderingerne'],
  ['ændring', 'ændringen', 'ændringer', 'ændringerne'],
  ['konto', 'kontoen', 'konti', 'kontiene'],
  ['nøgle', 'nøglen', 'nøgler', 'nøglerne'],
  ['løsning', 'løsningen', 'løsninger', 'løsningerne'],
  ['opgave', 'opgaven', 'opgaver', 'opgaverne'],
  ['register', 'registret', 'registre', 'registrene'],
  ['værktøj', 'værktøjet', 'værktøjer', 'værktøjerne'],
  ['hændelse', 'hændelsen', 'hændelser', 'hændelserne'],
  ['miljø', 'miljøet', 'miljøer', 'miljøerne'],
  ['enhed', 'enheden', 'enheder', 'enhederne'],
  ['fil', 'filen', 'filer', 'filerne'],
  ['kopi', 'kopien', 'kopier', 'kopierne'],
  ['server', 'serveren', 'servere', 'serverne'],
  ['tjeneste', 'tjenesten', 'tjenester', 'tjenesterne'],
  ['beskrivelse', 'beskrivelsen', 'beskrivelser', 'beskrivelserne'],
  ['gennemgang', 'gennemgangen', 'gennemgange', 'gennemgangene'],
  ['instruks', 'instruksen', 'instrukser', 'instrukserne'],
  ['forbindelse', 'forbindelsen', 'forbindelser', 'forbindelserne'],
  ['oversigt', 'oversigten', 'oversigter', 'oversigterne'],
  ['kanal', 'kanalen', 'kanaler', 'kanalerne'],
  ['medie', 'mediet', 'medier', 'medierne'],
];

/** Adjectives in the form used before plural and definite nouns. */
export const ADJECTIVES = [
  'fortrolige', 'kritiske', 'relevante', 'nødvendige', 'eksterne', 'interne', 'godkendte', 'følsomme', 'nye', 'eksisterende',
  'centrale', 'lokale', 'tekniske', 'organisatoriske', 'væsentlige', 'midlertidige', 'fælles', 'administrative', 'mobile', 'digitale',
  'private', 'automatiske', 'manuelle', 'aktuelle', 'tidligere', 'særlige', 'berørte', 'registrerede', 'krypterede', 'forældede',
] as const;

/** Verbs as [infinitive, passive, imperative]. */
export const VERBS: readonly (readonly [string, string, string])[] = [
  ['registrere', 'registreres', 'registrer'], ['dokumentere', 'dokumenteres', 'dokumenter'], ['godkende', 'godkendes', 'godkend'],
  ['vurdere', 'vurderes', 'vurder'], ['overvåge', 'overvåges', 'overvåg'], ['begrænse', 'begrænses', 'begræns'],
  ['kryptere', 'krypteres', 'krypter'], ['teste', 'testes', 'test'], ['opdatere', 'opdateres', 'opdater'],
  ['gennemgå', 'gennemgås', 'gennemgå'], ['beskytte', 'beskyttes', 'beskyt'], ['rapportere', 'rapporteres', 'rapporter'],
  ['fjerne', 'fjernes', 'fjern'], ['tildele', 'tildeles', 'tildel'], ['kontrollere', 'kontrolleres', 'kontroller'],
  ['logge', 'logges', 'log'], ['slette', 'slettes', 'slet'], ['arkivere', 'arkiveres', 'arkiver'],
  ['klassificere', 'klassificeres', 'klassificer'], ['afprøve', 'afprøves', 'afprøv'], ['etablere', 'etableres', 'etabler'],
  ['vedligeholde', 'vedligeholdes', 'vedligehold'], ['indberette', 'indberettes', 'indberet'], ['prioritere', 'prioriteres', 'prioriter'],
  ['genoprette', 'genoprettes', 'genopret'], ['beskrive', 'beskrives', 'beskriv'], ['revidere', 'revideres', 'revider'],
  ['konfigurere', 'konfigureres', 'konfigurer'], ['forny', 'fornyes', 'forny'], ['spærre', 'spærres', 'spær'],
  ['opbevare', 'opbevares', 'opbevar'], ['håndtere', 'håndteres', 'håndter'], ['afgrænse', 'afgrænses', 'afgræns'],
];

/** Who does things, as [subject, possessive]. */
export const ACTORS: readonly (readonly [string, string])[] = [
  ['medarbejderne', 'medarbejdernes'], ['systemejeren', 'systemejerens'], ['IT-driften', 'IT-driftens'],
  ['nærmeste leder', 'nærmeste leders'], ['informationssikkerhedskoordinatoren', 'informationssikkerhedskoordinatorens'],
  ['kontorchefen', 'kontorchefens'], ['Servicedesk', 'Servicedesks'], ['den enkelte medarbejder', 'den enkelte medarbejders'],
  ['projektlederen', 'projektlederens'], ['udviklingsteamet', 'udviklingsteamets'], ['HR-afdelingen', 'HR-afdelingens'],
  ['fagkontoret', 'fagkontorets'], ['databeskyttelsesrådgiveren', 'databeskyttelsesrådgiverens'], ['leverandøren', 'leverandørens'],
  ['administratorerne', 'administratorernes'], ['driftsvagten', 'driftsvagtens'],
];

/** Modal verbs with an optional adverb, which Danish word order places after the subject when the sentence is inverted. */
export const MODALS: readonly (readonly [string, string])[] = [
  ['skal', ''], ['bør', ''], ['skal', 'løbende'], ['skal', 'altid'], ['kan', ''], ['skal', 'som minimum'],
];

/** Adverbials of time and manner. */
export const QUALIFIERS = [
  'mindst én gang om året', 'inden for 24 timer', 'efter fast plan', 'i samarbejde med IT-driften', 'ved hver væsentlig ændring',
  'så vidt muligt automatisk', 'før systemet tages i brug', 'i overensstemmelse med informationssikkerhedspolitikken',
  'uden unødig forsinkelse', 'efter aftale med nærmeste leder', 'når der er behov for det', 'som led i den årlige risikovurdering',
  'i henhold til databeskyttelsesforordningen', 'hver måned', 'senest ved udgangen af kvartalet', 'i sagssystemet',
  'ud fra et arbejdsbetinget behov', 'efter de gældende regler for arkivering', 'i den fælles oversigt', 'hvert halve år',
] as const;

/** Clauses saying what a rule achieves, in subordinate word order. */
export const GOALS = [
  'risikoen holdes på et acceptabelt niveau', 'fortroligheden af statistikdata bevares', 'hændelser opdages i tide',
  'data kan genskabes efter et nedbrud', 'ingen får mere adgang end nødvendigt', 'kravene kan dokumenteres over for revisionen',
  'driften kan fortsætte uden væsentlige afbrydelser', 'uvedkommende ikke får adgang til fortrolige oplysninger',
  'organisationen lever op til ISO 27001', 'ledelsen har et retvisende billede af risikoen', 'afvigelser bliver opdaget og rettet',
  'de registreredes rettigheder respekteres', 'tilliden til den officielle statistik bevares', 'integriteten af data er sikret',
] as const;

/** Situations, in subordinate word order. */
export const EVENTS = [
  'en medarbejder fratræder', 'der opdages en sikkerhedshændelse', 'et system udfases', 'en leverandør får adgang til data',
  'der indføres et nyt system', 'en bærbar computer bortkommer', 'der sker væsentlige ændringer i driften',
  'en adgangskode kan være kompromitteret', 'en ny medarbejder starter', 'der er mistanke om misbrug',
  'en medarbejder skifter funktion', 'en kontrakt udløber', 'der konstateres en afvigelse', 'en sårbarhed bliver kendt',
  'der modtages en anmodning om indsigt', 'en leverandør melder om et brud på sikkerheden',
] as const;

/** Conditions for an exception. */
export const APPROVALS = [
  'skriftlig godkendelse fra nærmeste leder', 'forudgående aftale med systemejeren', 'en dispensation fra Informationssikkerhedsudvalget',
  'en dokumenteret risikovurdering', 'godkendelse fra IT-sikkerhedsgruppen', 'at Datafortrolighedsudvalget er orienteret',
] as const;

/** Level-two headings, in the order they appear when chosen. */
export const SECTION_HEADINGS = [
  'Formål', 'Omfang', 'Baggrund', 'Krav', 'Fremgangsmåde', 'Roller og ansvar', 'Undtagelser og dispensationer',
  'Opfølgning og kontrol', 'Dokumentation', 'Overvågning og rapportering', 'Uddannelse og awareness', 'Håndtering af afvigelser',
] as const;

/** Activities that start a document title, e.g. `Retningslinje for håndtering af ...`. */
export const ACTIVITIES = [
  'håndtering af', 'styring af', 'test af', 'godkendelse af', 'overvågning af', 'registrering af', 'sletning af',
  'beskyttelse af', 'brug af', 'kontrol med', 'opbevaring af', 'gennemgang af', 'udfasning af', 'klassifikation af',
] as const;

/** Deadlines for the responsibility table. */
export const DEADLINES = ['Straks', 'Inden for 24 timer', 'Hver måned', 'Hvert kvartal', 'Årligt', 'Ved ændringer', 'Inden for fem arbejdsdage'] as const;

/** Owner roles named in frontmatter. */
export const OWNERS = [
  'Informationssikkerhedskoordinatoren', 'IT-driftschefen', 'Direktøren for Brugerservice', 'HR-chefen', 'Indkøbschefen',
  'Formanden for Datafortrolighedsudvalget', 'Formanden for Informationssikkerhedsudvalget',
] as const;

/** Authors of commits in the synthetic history. */
export const AUTHORS = [
  'Mette Jensen', 'Lars Nielsen', 'Anne Hansen', 'Søren Pedersen', 'Camilla Andersen', 'Jens Christensen', 'Louise Larsen',
  'Mikkel Sørensen', 'Sofie Rasmussen', 'Henrik Jørgensen',
] as const;
