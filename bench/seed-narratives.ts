// Word lists for the seeded narratives: a description is an opening, an event, a detail and a
// consequence, so that full-text search finds common words (in many reports), middling ones and rare
// ones. All fictional; no names, no patient identifiers.

const openings = [
  'Under kvällspasset på avdelningen',
  'Vid morgonens överrapportering',
  'Under nattpasset',
  'I samband med ronden',
  'Vid inskrivningen av patienten',
  'Under helgen när bemanningen var låg',
  'Vid utskrivningen till kommunen',
  'På mottagningen under eftermiddagen',
  'Vid hemgången från dagkirurgin',
  'Under transporten till röntgen',
  'Vid telefonrådgivningen',
  'I samband med sjukskrivningsärendet',
];

const events = [
  'upptäcktes att patienten fått fel läkemedel enligt läkemedelslistan.',
  'gavs dosen två timmar för sent eftersom läkemedlet saknades i förrådet.',
  'föll patienten på väg till toaletten trots att fallrisk var bedömd.',
  'hittades patienten på golvet bredvid sängen.',
  'saknades remissen som skulle ha skickats till specialistmottagningen.',
  'kom provsvaret aldrig fram till ansvarig läkare.',
  'var journalanteckningen från föregående besök inte signerad.',
  'blev överrapporteringen ofullständig och allergin nämndes inte.',
  'upptäcktes ett trycksår på hälen som inte var dokumenterat.',
  'larmade infusionspumpen utan att någon hörde larmet.',
  'fick patienten dubbel dos eftersom ordinationen fanns på två ställen.',
  'skickades läkarintyget till Försäkringskassan med fel diagnoskod.',
  'blev sjukskrivningen inte förlängd i tid och ersättningen stoppades.',
  'kunde Försäkringskassan inte nå ansvarig läkare för komplettering.',
  'var blodtransfusionen inte kontrollerad av två personer.',
  'förväxlades två patienter med liknande namn vid provtagningen.',
  'saknades uppgift om vårdplan när patienten skrevs ut till hemtjänsten.',
  'fungerade inte journalsystemet och anteckningar fördes på papper.',
  'fick patienten vänta över fyra timmar på smärtlindring.',
  'uteblev återbesöket eftersom kallelsen aldrig skickades.',
  'blev hygienrutinerna inte följda vid byte av förband.',
  'avbröts operationen när rätt implantat saknades.',
  'lämnades läkemedelsvagnen olåst i korridoren.',
  'var larmknappen på rummet ur funktion.',
];

const details = [
  'Läkemedlet var Waran.',
  'Det gällde insulin.',
  'Det gällde morfin i injektionsform.',
  'Det gällde Fragmin.',
  'Det gällde kaliumklorid.',
  'Det gällde vankomycin intravenöst.',
  'Det gällde paracetamol.',
  'Det gällde metotrexat.',
  'Det gällde digoxin.',
  'Det gällde oxykodon.',
  'Patienten hade en känd penicillinallergi.',
  'Patienten hade demens och var orolig.',
  'Patienten hade nyligen opererats i höften.',
  'Patienten hade diabetes och lågt blodsocker.',
  'Patienten var nyinflyttad från annan region.',
  'Tolk hade inte bokats.',
  'Anhöriga påtalade felet.',
  'Det var tredje gången denna månad.',
  'Personalen var inhyrd och saknade inloggning.',
  'Rutinen fanns men var okänd för nyanställda.',
  'Journalsystemet visade inte den senaste ordinationen.',
  'Avvikelsen upptäcktes av apoteket.',
  'Röntgenremissen var felaktigt prioriterad.',
  'Det gällde en ortopedisk gipsbehandling.',
  'Det gällde en rehabiliteringsplan.',
  'Det gällde ett intyg om arbetsförmåga.',
  'Arbetsförmedlingen hade inte fått underlaget.',
  'Samordnaren för rehabilitering var på semester.',
  'Det gällde en katetersättning.',
  'Det gällde en nutritionsbedömning.',
  'Det gällde ett provrör utan etikett.',
  'Det gällde en defekt rullstol.',
  'Det gällde en syrgasflaska som var tom.',
  'Det gällde en trasig lyftsele.',
  'Det gällde ett blodsockervärde som inte följdes upp.',
  'Det gällde en antikoagulantiabehandling.',
  'Det gällde en stroke-patient på fel avdelning.',
  'Det gällde ett barn på akutmottagningen.',
  'Det gällde en palliativ patient i livets slutskede.',
  'Det gällde en pacemakerkontroll.',
];

const consequences = [
  'Ingen skada uppstod men risken bedöms som betydande.',
  'Patienten fick övervakas extra under natten.',
  'Patienten fick en lindrig blödning som behandlades.',
  'Patienten fick en fraktur och behövde opereras.',
  'Vårdtiden förlängdes med ett dygn.',
  'Patienten blev orolig och anhöriga var missnöjda.',
  'Ärendet fördröjdes flera veckor.',
  'Ersättningen till patienten blev försenad.',
  'Felet upptäcktes innan det nådde patienten.',
  'Händelsen kunde ha lett till allvarlig vårdskada.',
  'Ingen märkbar påverkan på patienten.',
  'Patienten fick flyttas till intensivvårdsavdelningen.',
];

const immediateActions = [
  'Ansvarig läkare kontaktades direkt.',
  'Patienten undersöktes och vitala parametrar kontrollerades.',
  'Läkemedelslistan uppdaterades.',
  'Remissen skickades på nytt.',
  'Försäkringskassan kontaktades per telefon.',
  'Anhöriga informerades.',
  'Utrustningen togs ur bruk och märktes.',
  'Journalen kompletterades.',
  'Patienten fick smärtlindring.',
  'Ingen åtgärd var möjlig i stunden.',
];

const suggestions = [
  'Inför dubbelkontroll av högriskläkemedel.',
  'Se över rutinen för överrapportering.',
  'Utbilda nyanställda i journalsystemet.',
  'Tydliggör ansvaret för remisser.',
  'Inför checklista vid utskrivning.',
  'Förbättra samverkan med Försäkringskassan.',
  'Se över bemanningen under helger.',
  'Inför fallriskbedömning vid inskrivning.',
  'Märk upp läkemedelsförrådet tydligare.',
  'Gör regelbunden kontroll av medicinteknisk utrustning.',
];

const feedback = [
  'Tack för din rapport. Rutinen har setts över och alla i personalgruppen har informerats.',
  'Tack. Händelsen togs upp på arbetsplatsträffen och en checklista har införts.',
  'Tack för rapporten. Utrustningen är utbytt.',
  'Tack. Ärendet har lyfts till kommittén som tar fram en gemensam rutin.',
  'Tack för din rapport. Vi har pratat med berörda och följer upp om en månad.',
  'Tack. Samverkan med Försäkringskassan har förbättrats efter händelsen.',
];

export interface NarrativeArrays {
  openings: string[];
  events: string[];
  details: string[];
  consequences: string[];
  immediateActions: string[];
  suggestions: string[];
  feedback: string[];
}

export function narrativeArrays(): NarrativeArrays {
  return { openings, events, details, consequences, immediateActions, suggestions, feedback };
}

/** Words to search for, from common to rare, as a reader of the inbox would type them. */
export const searchWords = {
  common: 'patienten',
  middling: 'remiss',
  rare: 'vankomycin',
  phrase: 'Försäkringskassan sjukskrivning',
} as const;
