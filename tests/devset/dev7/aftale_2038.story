@header Aftale om kommunernes økonomi for 2038
@footer Juni 2037 · side {page}
# Aftale om kommunernes økonomi for 2038
# Tid til kerneopgaverne

2. juni 2037

## 1. Indledning

Kommunernes opgaver vokser i takt med, at flere borgere bliver ældre og lever længere med kroniske sygdomme. Samtidig bliver det sværere at rekruttere medarbejdere, og den grønne omstilling kræver investeringer i bygninger, veje og forsyning. Regeringen og KL er enige om, at kommunerne skal have ro til at løse kerneopgaverne, og at tid frigjort fra administration skal komme borgerne til gode.

Aftalen for 2038 dækker de demografiske merudgifter og giver et løft af den borgernære service. Den giver også plads til et markant højere anlægsniveau end i de senere år, så kommunerne kan følge op på klimatilpasningsplanerne.

## 2. Kommunernes økonomiske rammer i 2038

### Serviceudgifter

Det kommunale udgiftsloft er også i år udgangspunktet for servicerammen. Parterne er enige om at løfte udgangspunktet med 3,1 mia. kr. i 2038. Heraf skal 0,4 mia. kr. findes af kommunerne selv gennem lavere udgifter til konsulenter og administration, så det reale løft til ny velfærd udgør 2,7 mia. kr.

Serviceudgifterne udgør herefter 461,3 mia. kr. i 2038.¹ Hertil kommer reguleringer efter DUT-princippet.

¹ Opgjort i 2038-pl. Servicerammen i aftalen for 2037 var 446,2 mia. kr.

Hvis kommunernes budgetterede serviceudgifter under ét ligger over rammen, modregnes overskridelsen i bloktilskuddet. Modregningen kan højst udgøre 3 mia. kr. og gennemføres efter en samlet vurdering, hvor både en individuel og en kollektiv fordeling kan komme på tale.

### Anlæg

Kommunernes anlægsinvesteringer kan i 2038 udgøre op til 28,4 milliarder kroner (bruttoanlæg ekskl. ældreboliger). Der er for 2038 ikke knyttet en sanktion til anlægsbudgetterne, men parterne er enige om, at anlægsniveauet følges tæt i forbindelse med budgetlægningen. Regionernes anlægsramme er til sammenligning 9,8 mia. kr. i 2038.

### Finansieringstilskud

For at understøtte de kommuner, der har de sværeste økonomiske vilkår, indføres et ekstraordinært finansieringstilskud på 2,5 mia. kr. i 2038.² Tilskuddet forventes videreført med 2,0 mia. kr. i 2039 og drøftes igen i forbindelse med aftalen for 2039.

² Heraf fordeles 1,5 mia. kr. efter kommunernes grundlæggende økonomiske vilkår, mens 1,0 mia. kr. fordeles efter indbyggertal.

[side]

### Kommunernes balance

Tabel 1 samler aftalens forudsætninger for kommunernes udgifter og indtægter i 2038. Kolonnen længst til højre viser ændringen i forhold til aftalen for 2037.

**Tabel 1. Balance for kommunerne i 2038**

[tabel]
| **Mia. kr., 2038-pl** | **Aftale 2038** | **Ændring** |
| Serviceudgifter, netto | 461,3 | +15,1 |
| Aktivitetsbestemt medfinansiering | 35,6 | +1,1 |
| Overførsler | 133,0 | +3,6 |
| Forsikrede ledige | 19,8 | +1,2 |
| Bruttoanlæg (ekskl. ældreboliger) | 28,4 | +1,5 |
| Øvrige udgifter | 1,8 | +0,1 |
| **Udgifter i alt** | **679,9** | **+22,6** |
| Skatteindtægter | -522,5 | -7,7 |
| Bloktilskud | -129,4 | -13,4 |
| Heraf betinget bloktilskud | -3,0 | +1,0 |
| Beskæftigelsestilskud | -19,8 | -1,2 |
| Øvrige indtægter | -10,3 | -0,4 |
| **Indtægter i alt** | **-682,0** | **-22,7** |
[/tabel]

Anm.: Bloktilskuddet omfatter finansieringstilskuddet. Ændringen er opgjort i forhold til aftalen for 2037 i løbende priser.

## 3. Forudsætninger, regulering og skat

### Pris- og lønudvikling

For serviceudgifterne skønnes pris- og lønudviklingen fra 2037 til 2038 at blive 2,7 pct., mens skønnet for anlægsudgifterne er 2,3 pct. og for de samlede udgifter inkl. overførsler 2,5 pct. Regionernes serviceudgifter fremskrives i den regionale aftale med 3,0 pct.

### Midtvejsregulering

Bloktilskuddet for 2037 reguleres op med 2.300 mio. kr. som følge af nye skøn for overførselsudgifterne og for pris- og lønudviklingen (midtvejsregulering). Herudover reguleres beskæftigelsestilskuddet for 2037 med -0,7 mia. kr. Ved aftalen for 2037 blev bloktilskuddet for 2036 til sammenligning nedreguleret med 0,9 mia. kr.

### Bidrag til regionerne

Bidraget til regionerne på udviklingsområdet fastsættes til et grundbidrag på 182 kr. pr. indbygger i 2038 (mod 177 kr. pr. indbygger i 2037). Beløbet er fremskrevet med et skøn for den regionale pris- og lønudvikling fra 2037 til 2038 på 3,1 pct. inkl. medicin.

### Skattefastsættelse

Kommunerne under ét skal fastholde det samlede skatteniveau i 2038. For at give den enkelte kommune mulighed for at tilpasse skatten afsættes en ramme på 250 mio. kr., inden for hvilken kommuner, der nedsætter indkomstskatten, kan opnå tilskud. Omvendt kan kommuner efter ansøgning forhøje skatten inden for en ramme på 125 mio. kr.

Tilskuddet til skattenedsættelse kan udgøre op til 75 pct. af provenutabet i 2038, 50 pct. i 2039 og i 2040 samt 25 pct. i 2041. Søges der om nedsættelser for mere end rammen, reduceres tilskudsprocenten.

Stiger skatten for kommunerne under ét, modregnes stigningen i bloktilskuddet efter de gældende regler, dels individuelt for de kommuner, der har hævet skatten, dels kollektivt.

[boks Boks 1. Særtilskud og lånepuljer]
Særtilskudspuljen til særligt vanskeligt stillede kommuner udgør 1.100 mio. kr. i 2038. Der afsættes desuden en lånepulje på 0,5 mia. kr. til klimatilpasning og en lånepulje på 200 mio. kr. til kommuner med svag likviditet.
[/boks]

## 4. Sammenhæng i velfærden

Regeringen og KL er enige om at styrke samarbejdet mellem kommuner, regioner og praktiserende læger om de borgere, der har flest kontakter med sundhedsvæsenet. Sundhedsklyngerne skal i 2038 aftale fælles forløb for borgere med flere kroniske sygdomme.

Parterne vil desuden gennemføre et eftersyn af reglerne om dokumentation i hjemmeplejen og fremlægge forslag til forenklinger inden sommeren 2038.
