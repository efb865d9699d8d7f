@header Aftale om kommunernes økonomi for 2025 · Regeringen og KL
@footer Side {page}
# Aftale om kommunernes
# økonomi for 2025

**3. juni 2024**

## 1. Indledning

Kommunerne løfter en stor del af velfærden, og flere ældre og et stigende antal børn i de kommende år stiller nye krav til opgaveløsningen. Regeringen og KL er enige om, at der skal være plads til at udvikle velfærden, samtidig med at de offentlige finanser holdes på et sikkert fundament. Aftalen skal samtidig ses i lyset af et stramt arbejdsmarked, hvor mange kommuner har vanskeligt ved at rekruttere medarbejdere til ældreplejen og dagtilbuddene.

Parterne er enige om at fortsætte arbejdet med at afbureaukratisere og forenkle regler, så medarbejderne får mere tid til kerneopgaven. Aftalen indeholder mere end 100 regel- og forenklingstiltag. Staten reducerer samtidig sin egen administration med 1.000 årsværk i 2025.

## 2. Rammerne for kommunernes økonomi i 2025

### Service

Det kommunale udgiftsloft for 2025 hæves med 3,4 mia. kr. i forhold til udgangspunktet. Heraf er 546 mio. kr. øremærket til kvalitet i ældreplejen som led i ældrereformen. Kommunerne skal samtidig reducere udgifterne til administration med 242 mio. kr. i 2025, og midlerne bliver i kommunerne til velfærd. Det reelle løft af servicerammen udgør dermed netto 3,2 mia. kr. Kommunernes serviceudgifter udgør herefter 323,6 mia. kr. i 2025. Til sammenligning var servicerammen i 2024 304,8 mia. kr. i 2024-priser.

### Investeringer

Kommunerne har behov for at investere i de fysiske rammer om velfærden og i den grønne omstilling. Regeringen og KL er enige om, at det samlede anlægsniveau i 2025 udgør 20,3 mia. kr. Det er 1,0 mia. kr. mere end i 2024. Anlægsniveauet for de seneste år fremgår af tabel 2.

### Betinget bloktilskud

Det er afgørende, at kommunerne under ét budgetterer inden for de aftalte rammer. I alt 4 mia. kr. af bloktilskuddet er derfor betinget: 3 mia. kr. vedrører de budgetterede serviceudgifter og 1 mia. kr. de budgetterede bruttoanlægsudgifter. Kommunerne skal samtidig søge at nedbringe deres samlede gæld.

### Den samlede balance

Udgifter og indtægter for kommunerne under ét i 2025 er opgjort i tabel 1. Den viser også kommunernes budgetter for 2024 omregnet til 2025-priser, så niveauerne kan sammenlignes direkte. Balancen tager udgangspunkt i de aftalte rammer for service og anlæg og i de forudsatte overførselsudgifter, mens skatteindtægterne svarer til de statsgaranterede beløb ved en uændret skat. Bloktilskuddet er fastsat, så kommunernes økonomi hænger sammen, når der også tages højde for låneoptag, afdrag og renter.

Kommunerne har i de seneste år opbygget en betydelig likviditet. Parterne er enige om, at likviditeten kan understøtte de aftalte investeringer, men at kommunerne under ét ikke bør øge deres langfristede gæld. Der gøres status over kommunernes gæld og likviditet i forbindelse med næste års forhandlinger.

**Tabel 1. Balance for kommunerne i 2025**

[tabel]
| Mia. kr., 2025-pl | Budget 2024 | Aftale 2025 |
| Serviceudgifter, netto | 318,0 | 323,6 |
| Aktivitetsbestemt medfinansiering | 26,5 | 27,4 |
| Overførsler | 107,4 | 108,9 |
| Bruttoanlæg (ekskl. ældreboliger) | 21,1 | 20,3 |
| Øvrige udgifter | 1,1 | 1,2 |
| **Udgifter i alt** | **474,1** | **481,4** |
| Skatteindtægter | -371,3 | -378,1 |
| Bloktilskud mv. | -98,9 | -101,2 |
| Heraf betinget bloktilskud | -4,0 | -4,0 |
| Øvrige indtægter | -8,0 | -7,9 |
| **Indtægter i alt** | **-478,2** | **-487,2** |
[/tabel]

**Tabel 2. Kommunernes bruttoanlæg 2021-2025**

[tabel]
| Mia. kr., løbende priser | 2021 | 2022 | 2023 | 2024 | 2025 |
| Aftalt anlægsniveau | 21,6 | 19,9 | 18,5 | 19,3 | 20,3 |
[/tabel]

[boks Boks 1. Øvrige forudsætninger for 2025]
### Pris- og lønudvikling
Skønnet for pris- og lønudviklingen fra 2024 til 2025 er 3,4 pct. for de kommunale serviceudgifter og 2,6 pct. for anlægsudgifterne. For de samlede udgifter inkl. overførsler er skønnet 3,0 pct. Satsreguleringsprocenten for 2025 udgør 2,9 pct.

### Midtvejsregulering
Bloktilskuddet for 2024 opreguleres med 1,6 mia. kr. som følge af ændrede skøn for overførsler og pris- og lønudviklingen. Til sammenligning udgjorde midtvejsreguleringen vedrørende 2023 5,0 mia. kr.

### Bidrag til regionerne
Kommunernes grundbidrag til regionernes udviklingsopgaver udgjorde 122 kr. pr. indbygger i 2024. Reguleret med det regionale pris- og lønskøn inkl. medicin på 3,1 pct. bliver grundbidraget 126 kr. pr. indbygger i 2025.
[/boks]

### Skattefastsættelse

Regeringen og KL er enige om, at kommunernes skat under ét skal være uændret i 2025. Kommuner, der ønsker at sænke skatten, kan søge om tilskud inden for en ramme på 100 mio. kr. Tilskuddet udgør 75 pct. af provenutabet i 2025, 50 pct. i 2026 og 2027 samt 25 pct. i 2028. Kommuner kan samtidig hæve skatten inden for en ramme på 100 mio. kr. Hvis skatten under ét stiger, modregnes stigningen i bloktilskuddet.

### Vanskeligt stillede kommuner

Særtilskudspuljen til særligt vanskeligt stillede kommuner forhøjes fra 734 mio. kr. i 2024 til 800 mio. kr. i 2025. Herudover etableres en lånepulje på 200 mio. kr. til anlæg i de samme kommuner. Rammen på 900 mio. kr. for 2024 til modtagelse af fordrevne fra Ukraine udmøntes over bloktilskuddet.

## 3. Ældre og velfærd

Med ældrereformen får kommunerne større frihed til at organisere ældreplejen omkring faste teams og et mindre detaljeret tilsyn. Parterne er enige om at følge implementeringen tæt frem mod 2027, herunder hvordan de 546 mio. kr. anvendes lokalt.

## 4. Forenkling og frisættelse

Parterne er enige om, at dokumentationskrav, proceskrav og indberetninger skal reduceres mærkbart. Der nedsættes en fælles styregruppe, som inden udgangen af 2024 peger på yderligere regler, der kan afskaffes. Målet er at frigøre 1 mia. kr. i kommunerne frem mod 2030 fra mindre bureaukrati.
